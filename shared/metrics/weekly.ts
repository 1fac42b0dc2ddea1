import { SEVERITIES, type Lifecycle, type Severity } from '../schema/types';
import { incidentMetrics, spread, type Spread } from './metrics';

export const WEEK_MS = 7 * 86_400_000;
const DAY_MS = 86_400_000;

/** Monday 00:00 UTC of the ISO week containing `t`. */
export const isoWeekStart = (t: number): number => {
  const d = new Date(t);
  const sinceMonday = (d.getUTCDay() + 6) % 7;
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - sinceMonday);
};

/** "2024-W01": the ISO week-year is the year of the week's Thursday. */
export const isoWeekLabel = (t: number): string => {
  const start = isoWeekStart(t);
  const year = new Date(start + 3 * DAY_MS).getUTCFullYear();
  const week1 = isoWeekStart(Date.UTC(year, 0, 4));
  const week = 1 + Math.round((start - week1) / WEEK_MS);
  return `${year}-W${String(week).padStart(2, '0')}`;
};

export interface WeeklyInput {
  declaredAt: number;
  severity: Severity;
  drill: boolean;
  lifecycle: Lifecycle;
}

export interface WeekBucket {
  weekStart: number;
  week: string;
  counts: Record<Severity, number>;
  total: number;
  /** Time to acknowledge (detected → acknowledged) of the week's incidents. */
  tta: Spread | null;
  /** Time to resolve (started → resolved) of the week's incidents. */
  ttr: Spread | null;
}

export interface WeeklyReport {
  /** Consecutive weeks, oldest first; weeks without incidents are there with zeros. */
  weeks: WeekBucket[];
  /** Incidents in `weeks`. */
  counted: number;
  drillsLeftOut: number;
  /** Incidents older than the first week shown (see maxWeeks). */
  older: number;
}

export interface WeeklyOptions {
  includeDrills?: boolean;
  /** Extend the weeks up to the one containing this time (usually now). */
  until?: number;
  /** Most weeks to return, the latest ones; a stray timestamp must not make thousands. */
  maxWeeks?: number;
}

const zeroCounts = (): Record<Severity, number> => Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;

/**
 * Incidents per ISO week (UTC) of their declared time: count per severity, and
 * the spread of time to acknowledge and time to resolve. Drills are left out
 * unless asked for, as metrics are about real incidents.
 */
export const weeklyBuckets = (incidents: readonly WeeklyInput[], options: WeeklyOptions = {}): WeeklyReport => {
  const maxWeeks = Math.max(1, options.maxWeeks ?? 156);
  const counted = incidents.filter((i) => options.includeDrills === true || !i.drill);
  const drillsLeftOut = incidents.length - counted.length;
  if (counted.length === 0) return { weeks: [], counted: 0, drillsLeftOut, older: 0 };

  const starts = counted.map((i) => isoWeekStart(i.declaredAt));
  let last = Math.max(...starts);
  if (options.until !== undefined) last = Math.max(last, isoWeekStart(options.until));
  const first = Math.max(Math.min(...starts), last - (maxWeeks - 1) * WEEK_MS);

  const weeks: WeekBucket[] = [];
  // UTC has no daylight saving, so a week is always WEEK_MS long.
  for (let w = first; w <= last; w += WEEK_MS) {
    weeks.push({ weekStart: w, week: isoWeekLabel(w), counts: zeroCounts(), total: 0, tta: null, ttr: null });
  }
  const byStart = new Map(weeks.map((b) => [b.weekStart, { bucket: b, tta: [] as number[], ttr: [] as number[] }]));

  let older = 0;
  counted.forEach((incident, i) => {
    const slot = byStart.get(starts[i]!);
    if (!slot) {
      older += 1;
      return;
    }
    slot.bucket.counts[incident.severity] += 1;
    slot.bucket.total += 1;
    const m = incidentMetrics(incident.lifecycle);
    if (m.tta !== null) slot.tta.push(m.tta);
    if (m.ttr !== null) slot.ttr.push(m.ttr);
  });
  for (const { bucket, tta, ttr } of byStart.values()) {
    bucket.tta = spread(tta);
    bucket.ttr = spread(ttr);
  }
  return { weeks, counted: counted.length - older, drillsLeftOut, older };
};
