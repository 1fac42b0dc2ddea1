import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fromDateTimeInput, fromWallParts, readableWall, toDateTimeInput, wallStamp, zoneName } from './wall-clock';

// vitest.config.ts runs every unit test in America/Los_Angeles, a zone with daylight saving.
describe('wall-clock times in Los Angeles', () => {
  it('runs in a zone with daylight saving', () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe('America/Los_Angeles');
  });

  it('reads a typed date with that date’s offset: 2015-10-21 is PDT even in December', () => {
    expect(fromDateTimeInput('2015-10-21T14:51:00', 'local')).toBe(Date.UTC(2015, 9, 21, 21, 51)); // UTC-7
    expect(fromDateTimeInput('2026-12-01 14:51', 'local')).toBe(Date.UTC(2026, 11, 1, 22, 51)); // UTC-8
    expect(zoneName(Date.UTC(2015, 9, 21, 21, 51), 'local')).toBe('PDT');
    expect(zoneName(Date.UTC(2026, 11, 1, 22, 51), 'local')).toBe('PST');
  });

  it('changing only the date keeps the wall-clock time, across an offset change', () => {
    const december = fromDateTimeInput('2026-12-01T14:51:05', 'local')!;
    const value = toDateTimeInput(december, 'local').replace('2026-12-01', '2015-10-21');
    expect(toDateTimeInput(fromDateTimeInput(value, 'local')!, 'local')).toBe('2015-10-21T14:51:05');
  });

  it('reads UTC as UTC, whatever the device zone', () => {
    expect(fromDateTimeInput('2015-10-21T14:51:00', 'utc')).toBe(Date.UTC(2015, 9, 21, 14, 51));
    expect(toDateTimeInput(Date.UTC(2015, 9, 21, 14, 51), 'utc')).toBe('2015-10-21T14:51:00');
  });

  it('refuses what is no time at all, including a local time skipped by the spring change', () => {
    for (const bad of ['', '2024-02-30T10:00', '2024-03-05T25:00', 'yesterday', '2024-3-5T10:00']) expect(fromDateTimeInput(bad, 'local')).toBeNull();
    expect(fromWallParts(2026, 3, 8, 2, 30, 0, 'local')).toBeNull(); // 02:30 does not exist on 8 March 2026 in Los Angeles
    expect(fromWallParts(2026, 3, 8, 2, 30, 0, 'utc')).not.toBeNull();
  });

  it('labels every time with its zone, and with its date when it is not today', () => {
    const now = Date.UTC(2026, 11, 1, 22, 0);
    expect(wallStamp(Date.UTC(2026, 11, 1, 22, 51, 5), 'local', now)).toBe('14:51:05 PST');
    expect(wallStamp(Date.UTC(2015, 9, 21, 21, 51), 'local', now)).toBe('2015-10-21 14:51:00 PDT');
    expect(wallStamp(Date.UTC(2015, 9, 21, 14, 51), 'utc', now, false)).toBe('2015-10-21 14:51 UTC');
  });

  it('reads back what it shows, to the second, in both zones', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2199, 0, 1) }), fc.constantFrom('utc' as const, 'local' as const), (ms, zone) => {
        const t = ms - (ms % 1000);
        const shown = toDateTimeInput(t, zone);
        const read = fromDateTimeInput(shown, zone)!;
        // The same wall-clock reading; the same instant except in the repeated hour of the autumn change.
        expect(toDateTimeInput(read, zone)).toBe(shown);
        if (zone === 'utc') expect(read).toBe(t);
        else expect([0, 3_600_000]).toContain(Math.abs(read - t));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('readableWall', () => {
  it('says the time as people read it, with its zone', () => {
    expect(readableWall(Date.UTC(2015, 9, 21, 15, 1), 'local')).toBe('21 Oct 2015, 08:01 PDT');
    expect(readableWall(Date.UTC(2015, 9, 21, 15, 1, 9), 'utc')).toBe('21 Oct 2015, 15:01:09 UTC');
  });
});
