import { describe, expect, it } from 'vitest';
import { parseCapture } from './capture-syntax';

// A fixed local instant: 2026-03-10 15:00:00 local time.
const now = new Date(2026, 2, 10, 15, 0, 0).getTime();

describe('parseCapture', () => {
  it('leaves plain text alone', () => {
    expect(parseCapture('  db is slow  ', now)).toEqual({ text: 'db is slow' });
  });

  it('reads a local clock time today', () => {
    const r = parseCapture('14:32 failover started', now);
    expect(r.text).toBe('failover started');
    expect(r.occurredAt).toBe(new Date(2026, 2, 10, 14, 32, 0).getTime());
  });

  it('reads seconds and UTC', () => {
    const r = parseCapture('09:05:07Z paged', now);
    const d = new Date(now);
    d.setUTCHours(9, 5, 7, 0);
    expect(r).toEqual({ text: 'paged', occurredAt: d.getTime() });
  });

  it('puts a time well ahead of now on the day before', () => {
    const r = parseCapture('23:50 alert fired', now);
    expect(r.occurredAt).toBe(new Date(2026, 2, 9, 23, 50, 0).getTime());
  });

  it('tolerates a time a little ahead (clock skew) as today', () => {
    expect(parseCapture('15:03 x', now).occurredAt).toBe(new Date(2026, 2, 10, 15, 3, 0).getTime());
  });

  it('reads relative times', () => {
    expect(parseCapture('-5m rollback', now)).toEqual({ text: 'rollback', occurredAt: now - 300_000 });
    expect(parseCapture('-90s x', now).occurredAt).toBe(now - 90_000);
    expect(parseCapture('-2h x', now).occurredAt).toBe(now - 7_200_000);
  });

  it('does not take an invalid clock or a bare number as a time', () => {
    expect(parseCapture('25:00 x', now)).toEqual({ text: '25:00 x' });
    expect(parseCapture('12:61 x', now)).toEqual({ text: '12:61 x' });
    expect(parseCapture('-5 minutes', now)).toEqual({ text: '-5 minutes' });
    expect(parseCapture('14:32', now)).toEqual({ text: '14:32' });
  });
});
