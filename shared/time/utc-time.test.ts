import { describe, expect, it } from 'vitest';
import { spokenDuration, utcClock, utcDateTime } from './utc-time';

const at = Date.UTC(2024, 2, 5, 7, 4, 59);

describe('utc time text', () => {
  it('gives hours and minutes in UTC, whatever the local zone', () => {
    expect(utcClock(at)).toBe('07:04 UTC');
    expect(utcDateTime(at)).toBe('2024-03-05 07:04 UTC');
  });

  it.each([
    [-5_000, 'under a minute'],
    [59_999, 'under a minute'],
    [60_000, '1 min'],
    [59 * 60_000, '59 min'],
    [65 * 60_000 + 30_000, '1 h 05 min'],
    [25 * 3_600_000, '25 h 00 min'],
  ])('spokenDuration(%i) = %s', (ms, text) => {
    expect(spokenDuration(ms)).toBe(text);
  });
});
