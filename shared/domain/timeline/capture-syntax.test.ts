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
    expect(r).toEqual({ text: 'paged', occurredAt: d.getTime(), zone: 'utc' });
    expect(parseCapture('09:05:07 UTC paged', now)).toEqual({ text: 'paged', occurredAt: d.getTime(), zone: 'utc' });
  });

  it('reads a clock time in the zone the timeline is shown in', () => {
    // 2026-03-10 15:00 in Los Angeles is 22:00 UTC; "14:32" in a UTC view is 14:32 UTC that day.
    expect(parseCapture('14:32 x', now, 'utc').occurredAt).toBe(Date.UTC(2026, 2, 10, 14, 32));
  });

  it('reads a full date and time with that date’s offset, in the zone shown or in UTC when it says Z', () => {
    // 2015-10-21 is PDT (UTC-7) although 2026-03-10 is PDT too; take a winter "now" to make the offsets differ.
    const winter = new Date(2026, 11, 1, 9, 0).getTime();
    expect(parseCapture('2015-10-21 14:51 Marty arrives', winter)).toEqual({ text: 'Marty arrives', occurredAt: Date.UTC(2015, 9, 21, 21, 51), zone: 'local' });
    expect(parseCapture('2015-10-21 14:51Z Marty arrives', winter)).toEqual({ text: 'Marty arrives', occurredAt: Date.UTC(2015, 9, 21, 14, 51), zone: 'utc' });
    expect(parseCapture('2015-10-21T14:51:30 UTC x', winter).occurredAt).toBe(Date.UTC(2015, 9, 21, 14, 51, 30));
    expect(parseCapture('2015-10-21 14:51 x', winter, 'utc').occurredAt).toBe(Date.UTC(2015, 9, 21, 14, 51));
    expect(parseCapture('2015-02-30 14:51 x', winter)).toEqual({ text: '2015-02-30 14:51 x' });
  });

  it('puts a time well ahead of now on the day before', () => {
    const r = parseCapture('23:50 alert fired', now);
    expect(r.occurredAt).toBe(new Date(2026, 2, 9, 23, 50, 0).getTime());
  });

  it('tolerates a time a little ahead (clock skew) as today', () => {
    expect(parseCapture('15:03 x', now).occurredAt).toBe(new Date(2026, 2, 10, 15, 3, 0).getTime());
  });

  it('steps back across a day in the zone shown, not in the device zone', () => {
    // 00:30 UTC on 11 March is 17:30 on 10 March in Los Angeles: "23:50" in a UTC view is 10 March, 23:50 UTC.
    const late = Date.UTC(2026, 2, 11, 0, 30);
    expect(parseCapture('23:50 x', late, 'utc').occurredAt).toBe(Date.UTC(2026, 2, 10, 23, 50));
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
