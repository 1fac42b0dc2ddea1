import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { WEEK_MS, isoWeekLabel, isoWeekStart, weeklyBuckets, type WeeklyInput } from './weekly';

const MIN = 60_000;
const at = (iso: string) => Date.parse(iso);

const incident = (declaredAt: number, over: Partial<WeeklyInput> = {}): WeeklyInput => ({
  declaredAt,
  severity: 'SEV2',
  drill: false,
  lifecycle: { declared: declaredAt },
  ...over,
});

describe('ISO weeks in UTC', () => {
  it('names weeks as ISO 8601 does, including years with 53 weeks and weeks that straddle new year', () => {
    // Known calendar facts, not outputs of the code under test.
    expect(isoWeekLabel(at('2024-01-01T00:00:00Z'))).toBe('2024-W01'); // a Monday
    expect(isoWeekLabel(at('2021-01-03T23:59:59Z'))).toBe('2020-W53'); // Sunday of 2020's 53rd week
    expect(isoWeekLabel(at('2021-01-04T00:00:00Z'))).toBe('2021-W01');
    expect(isoWeekLabel(at('2024-12-30T12:00:00Z'))).toBe('2025-W01'); // Monday, week-year 2025
    expect(isoWeekLabel(at('2027-01-01T00:00:00Z'))).toBe('2026-W53');
  });

  it('starts a week on Monday 00:00 UTC whatever the local zone', () => {
    expect(isoWeekStart(at('2024-05-19T23:30:00Z'))).toBe(at('2024-05-13T00:00:00Z')); // Sunday night UTC
    expect(isoWeekStart(at('2024-05-20T00:00:00Z'))).toBe(at('2024-05-20T00:00:00Z'));
  });

  it('puts every instant in a week that contains it and starts on a Monday', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2199, 11, 1) }), (t) => {
        const s = isoWeekStart(t);
        expect(new Date(s).getUTCDay()).toBe(1);
        expect(s % 86_400_000).toBe(0);
        expect(s).toBeLessThanOrEqual(t);
        expect(t - s).toBeLessThan(WEEK_MS);
        expect(isoWeekLabel(t)).toBe(isoWeekLabel(s));
      }),
    );
  });
});

describe('weeklyBuckets', () => {
  it('counts incidents per week and severity by declared time, filling the weeks in between with zeros', () => {
    const report = weeklyBuckets([
      incident(at('2024-03-04T09:00:00Z'), { severity: 'SEV1' }),
      incident(at('2024-03-10T23:00:00Z'), { severity: 'SEV1' }), // Sunday: same week
      incident(at('2024-03-11T00:00:00Z'), { severity: 'SEV3' }), // Monday: next week
      incident(at('2024-03-27T10:00:00Z'), { severity: 'SEV2' }),
    ]);
    expect(report.weeks.map((w) => w.week)).toEqual(['2024-W10', '2024-W11', '2024-W12', '2024-W13']);
    expect(report.weeks.map((w) => w.total)).toEqual([2, 1, 0, 1]);
    expect(report.weeks[0]!.counts).toEqual({ SEV1: 2, SEV2: 0, SEV3: 0, SEV4: 0, SEV5: 0 });
    expect(report.weeks[1]!.counts.SEV3).toBe(1);
    expect(report.weeks[3]!.counts.SEV2).toBe(1);
    expect(report.counted).toBe(4);
  });

  it('leaves drills out unless asked, and says how many', () => {
    const t = at('2024-03-05T09:00:00Z');
    const input = [incident(t), incident(t, { drill: true, severity: 'SEV4' })];
    const without = weeklyBuckets(input);
    expect(without.weeks[0]!.total).toBe(1);
    expect(without.weeks[0]!.counts.SEV4).toBe(0);
    expect(without.drillsLeftOut).toBe(1);
    const withDrills = weeklyBuckets(input, { includeDrills: true });
    expect(withDrills.weeks[0]!.total).toBe(2);
    expect(withDrills.weeks[0]!.counts.SEV4).toBe(1);
    expect(withDrills.drillsLeftOut).toBe(0);
  });

  it('gives the mean and the median of time to acknowledge and to resolve per week', () => {
    const t = at('2024-03-05T09:00:00Z');
    const withSpans = (tta: number, ttr: number) =>
      incident(t, { lifecycle: { started: t - 10 * MIN, detected: t, declared: t, acknowledged: t + tta, resolved: t - 10 * MIN + ttr } });
    const report = weeklyBuckets([withSpans(1 * MIN, 30 * MIN), withSpans(2 * MIN, 40 * MIN), withSpans(30 * MIN, 230 * MIN)]);
    const week = report.weeks[0]!;
    expect(week.tta).toMatchObject({ count: 3, median: 2 * MIN, mean: 11 * MIN });
    expect(week.ttr).toMatchObject({ count: 3, median: 40 * MIN, mean: 100 * MIN });
  });

  it('has no spread for a week whose incidents lack the milestones', () => {
    const report = weeklyBuckets([incident(at('2024-03-05T09:00:00Z'))]);
    expect(report.weeks[0]!.tta).toBeNull();
    expect(report.weeks[0]!.ttr).toBeNull();
  });

  it('runs up to the week of `until`, and keeps only the latest maxWeeks', () => {
    const report = weeklyBuckets([incident(at('2024-01-02T00:00:00Z'))], { until: at('2024-01-20T00:00:00Z') });
    expect(report.weeks.map((w) => w.week)).toEqual(['2024-W01', '2024-W02', '2024-W03']);

    const capped = weeklyBuckets([incident(at('2020-01-01T00:00:00Z')), incident(at('2024-01-02T00:00:00Z'))], { maxWeeks: 4 });
    expect(capped.weeks).toHaveLength(4);
    expect(capped.weeks.at(-1)!.week).toBe('2024-W01');
    expect(capped.older).toBe(1);
    expect(capped.counted).toBe(1);
  });

  it('is empty when nothing is counted', () => {
    expect(weeklyBuckets([incident(at('2024-01-02T00:00:00Z'), { drill: true })])).toEqual({ weeks: [], counted: 0, drillsLeftOut: 1, older: 0 });
  });

  it('accounts for every counted incident exactly once', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            declaredAt: fc.integer({ min: Date.UTC(2023, 0, 1), max: Date.UTC(2024, 11, 31) }),
            severity: fc.constantFrom('SEV1', 'SEV2', 'SEV3', 'SEV4', 'SEV5' as const),
            drill: fc.boolean(),
          }),
          { maxLength: 40 },
        ),
        fc.boolean(),
        (rows, includeDrills) => {
          const input = rows.map((r) => incident(r.declaredAt, r));
          const report = weeklyBuckets(input, { includeDrills });
          const expected = input.filter((i) => includeDrills || !i.drill).length;
          expect(report.weeks.reduce((n, w) => n + w.total, 0)).toBe(expected);
          expect(report.counted).toBe(expected);
          for (const w of report.weeks) expect(Object.values(w.counts).reduce((a, b) => a + b, 0)).toBe(w.total);
          for (let i = 1; i < report.weeks.length; i++) expect(report.weeks[i]!.weekStart - report.weeks[i - 1]!.weekStart).toBe(WEEK_MS);
        },
      ),
    );
  });
});
