import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { METRIC_NAMES, aggregateMetrics, describeSpan, formatDuration, headlineFigure, incidentMetrics, spread } from './metrics';
import type { Lifecycle } from '../schema/types';

const M = 60_000;
const T0 = Date.UTC(2024, 0, 1);
/** A lifecycle with the given minute offsets from T0. */
const lc = (mins: Partial<Record<keyof Lifecycle, number>>): Lifecycle =>
  Object.fromEntries(Object.entries(mins).map(([k, v]) => [k, T0 + v! * M])) as Lifecycle;

describe('incidentMetrics', () => {
  it('computes each span from its two milestones', () => {
    const m = incidentMetrics(lc({ started: 0, detected: 4, declared: 6, acknowledged: 9, mitigated: 30, resolved: 50, closed: 300 }));
    expect(m).toEqual({ ttd: 4 * M, ttdc: 6 * M, tta: 5 * M, ttm: 30 * M, impact: 50 * M, ttr: 50 * M, ttc: 300 * M });
  });

  it('is null where a milestone is missing or the span is negative', () => {
    const none = { ttd: null, ttdc: null, tta: null, ttm: null, impact: null, ttr: null, ttc: null };
    expect(incidentMetrics({})).toEqual(none);
    const m = incidentMetrics(lc({ detected: 5, acknowledged: 3, declared: 5 }));
    expect(m).toEqual(none);
    expect(incidentMetrics(lc({ started: 2, detected: 2 })).ttd).toBe(0);
  });
});

describe('the published record: Google SRE book, appendix D (Shakespeare)', () => {
  // started 14:54, detected 14:55, declared 15:01, mitigated 15:36, resolved 16:00, closed 16:30 UTC.
  const at = (hh: number, mm: number) => Date.UTC(2015, 9, 21, hh, mm);
  const shakespeare: Lifecycle = { started: at(14, 54), detected: at(14, 55), declared: at(15, 1), mitigated: at(15, 36), resolved: at(16, 0), closed: at(16, 30) };

  it('gives the book’s figures: detect 1, declare 7, mitigate 42, impact 66, resolve 66, close 96 minutes', () => {
    const minutes = Object.fromEntries(Object.entries(incidentMetrics(shakespeare)).map(([k, v]) => [k, v === null ? null : v / M]));
    expect(minutes).toEqual({ ttd: 1, ttdc: 7, tta: null, ttm: 42, impact: 66, ttr: 66, ttc: 96 });
  });

  it('heads the war room with the time to resolve, and with time since impact started while open', () => {
    expect(headlineFigure(shakespeare, at(20, 0))).toEqual({ label: 'Time to resolve', ms: 66 * M, ongoing: false });
    const open: Lifecycle = { started: at(14, 54), declared: at(15, 1) };
    expect(headlineFigure(open, at(15, 10))).toEqual({ label: 'Since impact started', ms: 16 * M, ongoing: true });
    expect(headlineFigure({ declared: at(15, 1) }, at(15, 10))).toEqual({ label: 'Since declared', ms: 9 * M, ongoing: true });
  });

  it('names each span in words', () => {
    expect(describeSpan('impact')).toBe('Started → Resolved (or Mitigated)');
    expect(describeSpan('tta')).toBe('Detected → Acknowledged');
  });
});

describe('spread', () => {
  it('is null for no values', () => {
    expect(spread([])).toBeNull();
  });

  it('handles a single value', () => {
    expect(spread([7])).toEqual({ count: 1, mean: 7, median: 7, p90: 7, min: 7, max: 7 });
  });

  it('odd count: the median is the middle value, regardless of input order', () => {
    expect(spread([9, 1, 5, 3, 100])).toEqual({ count: 5, mean: 23.6, median: 5, p90: 100, min: 1, max: 100 });
  });

  it('even count: the median averages the two middle values', () => {
    const s = spread([4, 1, 3, 2])!;
    expect(s.median).toBe(2.5);
    expect(s.mean).toBe(2.5);
    expect(s.p90).toBe(4);
  });

  it('p90 is the nearest-rank percentile', () => {
    const ten = Array.from({ length: 10 }, (_, i) => i + 1);
    expect(spread(ten)!.p90).toBe(9);
    const twenty = Array.from({ length: 20 }, (_, i) => 20 - i);
    expect(spread(twenty)!.p90).toBe(18);
    expect(spread([1, 2])!.p90).toBe(2);
  });

  it('does not reorder its input', () => {
    const input = [3, 1, 2];
    spread(input);
    expect(input).toEqual([3, 1, 2]);
  });

  it('satisfies min ≤ median ≤ max, min ≤ mean ≤ max, and p90 is a value with ≥ 90% at or below it', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 200 }), (values) => {
        const s = spread(values)!;
        const sorted = [...values].sort((a, b) => a - b);
        expect(s.count).toBe(values.length);
        expect(s.min).toBe(sorted[0]);
        expect(s.max).toBe(sorted.at(-1));
        expect(s.median).toBeGreaterThanOrEqual(s.min);
        expect(s.median).toBeLessThanOrEqual(s.max);
        expect(s.mean).toBeGreaterThanOrEqual(s.min - 1e-6);
        expect(s.mean).toBeLessThanOrEqual(s.max + 1e-6);
        expect(values).toContain(s.p90);
        expect(sorted.filter((v) => v <= s.p90).length / values.length).toBeGreaterThanOrEqual(0.9);
        expect(sorted.filter((v) => v < s.p90).length / values.length).toBeLessThan(0.9);
      }),
    );
  });
});

describe('aggregateMetrics', () => {
  const real1 = { drill: false, lifecycle: lc({ started: 0, detected: 10, acknowledged: 12, resolved: 60 }) };
  const real2 = { drill: false, lifecycle: lc({ started: 0, detected: 20, acknowledged: 30 }) };
  const drill = { drill: true, lifecycle: lc({ started: 0, detected: 1000, acknowledged: 1001, resolved: 2000 }) };

  it('leaves drills out by default', () => {
    const agg = aggregateMetrics([real1, drill, real2]);
    expect(agg.ttd).toMatchObject({ count: 2, mean: 15 * M, median: 15 * M, min: 10 * M, max: 20 * M });
    expect(agg.tta).toMatchObject({ count: 2, mean: 6 * M });
    expect(agg.ttr).toMatchObject({ count: 1, mean: 60 * M });
    expect(agg.ttm).toBeNull();
    expect(agg.ttc).toBeNull();
  });

  it('includes drills when asked', () => {
    const agg = aggregateMetrics([real1, drill, real2], { includeDrills: true });
    expect(agg.ttd).toMatchObject({ count: 3, median: 20 * M, max: 1000 * M });
    expect(agg.ttr).toMatchObject({ count: 2 });
  });

  it('gives null for every metric when there is nothing to count', () => {
    const agg = aggregateMetrics([drill]);
    expect(Object.keys(agg).sort()).toEqual([...METRIC_NAMES].sort());
    for (const name of METRIC_NAMES) expect(agg[name]).toBeNull();
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [999, '0s'],
    [12_000, '12s'],
    [59_999, '59s'],
    [60_000, '1m 00s'],
    [4 * M + 30_000, '4m 30s'],
    [59 * M + 59_000, '59m 59s'],
    [60 * M, '1h 00m'],
    [65 * M, '1h 05m'],
    [23 * 60 * M + 59 * M, '23h 59m'],
    [24 * 60 * M, '1d 0h'],
    [(2 * 24 + 3) * 60 * M + 17 * M, '2d 3h'],
  ])('%i ms → %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
