import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatMilestone, fromInputValue, toInputValue } from './datetime';

describe('datetime-local values', () => {
  it('reads a UTC value as UTC and a local value as local time', () => {
    expect(fromInputValue('2024-03-05T14:02:05', true)).toBe(Date.UTC(2024, 2, 5, 14, 2, 5));
    expect(fromInputValue('2024-03-05T14:02:05', false)).toBe(new Date(2024, 2, 5, 14, 2, 5).getTime());
    expect(fromInputValue('2024-03-05T14:02', true)).toBe(Date.UTC(2024, 2, 5, 14, 2, 0));
  });

  it('refuses what is not a real time', () => {
    for (const bad of ['', '2024-02-30T10:00:00', '2024-03-05T25:00', '2024-03-05 14:02', 'yesterday']) {
      expect(fromInputValue(bad, true)).toBeNull();
      expect(fromInputValue(bad, false)).toBeNull();
    }
  });

  it('writes values that read back to the same second', () => {
    expect(toInputValue(Date.UTC(2024, 0, 31, 9, 5, 7), true)).toBe('2024-01-31T09:05:07');
    const local = new Date(2024, 0, 31, 9, 5, 7).getTime();
    expect(toInputValue(local, false)).toBe('2024-01-31T09:05:07');
    // UTC only: local wall-clock time repeats an hour when daylight saving ends.
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2199, 0, 1) }), (t) => {
        expect(fromInputValue(toInputValue(t, true), true)).toBe(Math.floor(t / 1000) * 1000);
      }),
    );
  });
});

describe('formatMilestone', () => {
  const now = Date.UTC(2024, 2, 5, 18, 0, 0);
  it('shows only the time for today and the date too otherwise', () => {
    expect(formatMilestone(Date.UTC(2024, 2, 5, 14, 2, 5), true, now)).toBe('14:02:05Z');
    expect(formatMilestone(Date.UTC(2024, 2, 4, 23, 59, 0), true, now)).toBe('2024-03-04 23:59:00Z');
  });
});
