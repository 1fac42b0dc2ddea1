import type { Lifecycle, LifecycleMilestone } from '../schema/types';

/** Each metric is the span between two lifecycle milestones. */
export const METRIC_SPANS = {
  ttd: { from: 'started', to: 'detected', label: 'Time to detect' },
  tta: { from: 'detected', to: 'acknowledged', label: 'Time to acknowledge' },
  ttm: { from: 'started', to: 'mitigated', label: 'Time to mitigate' },
  ttr: { from: 'started', to: 'resolved', label: 'Time to resolve' },
  duration: { from: 'declared', to: 'closed', label: 'Incident duration' },
} as const satisfies Record<string, { from: LifecycleMilestone; to: LifecycleMilestone; label: string }>;

export type MetricName = keyof typeof METRIC_SPANS;
export const METRIC_NAMES = Object.keys(METRIC_SPANS) as MetricName[];

/** Milliseconds per metric, or null where a milestone is missing or the span is negative. */
export type IncidentMetrics = Record<MetricName, number | null>;

export const incidentMetrics = (lifecycle: Lifecycle): IncidentMetrics => {
  const out = {} as IncidentMetrics;
  for (const name of METRIC_NAMES) {
    const { from, to } = METRIC_SPANS[name];
    const a = lifecycle[from];
    const b = lifecycle[to];
    out[name] = a !== undefined && b !== undefined && b >= a ? b - a : null;
  }
  return out;
};

export interface Spread {
  count: number;
  mean: number;
  median: number;
  p90: number;
  min: number;
  max: number;
}

/** Nearest-rank percentile over a sorted array. */
const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

export const spread = (values: number[]): Spread | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return {
    count: sorted.length,
    mean: sorted.reduce((s, v) => s + v, 0) / sorted.length,
    median,
    p90: percentile(sorted, 90),
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
  };
};

export interface MetricsInput {
  lifecycle: Lifecycle;
  drill: boolean;
}

/**
 * MTTD, MTTA, MTTM, MTTR and duration across incidents, as a spread (mean beside
 * median, since one long incident skews a mean). Drills are left out unless asked.
 */
export const aggregateMetrics = (
  incidents: readonly MetricsInput[],
  options: { includeDrills?: boolean } = {},
): Record<MetricName, Spread | null> => {
  const counted = incidents.filter((i) => options.includeDrills === true || !i.drill);
  const per = counted.map((i) => incidentMetrics(i.lifecycle));
  const out = {} as Record<MetricName, Spread | null>;
  for (const name of METRIC_NAMES) {
    out[name] = spread(per.map((m) => m[name]).filter((v): v is number => v !== null));
  }
  return out;
};

/** "1h 05m", "4m 30s", "12s": compact, for headers and tables. */
export const formatDuration = (ms: number): string => {
  const s = Math.floor(ms / 1000);
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (d > 0) return `${d}d ${h}h`;
  if (h > 0) return `${h}h ${String(m).padStart(2, '0')}m`;
  if (m > 0) return `${m}m ${String(sec).padStart(2, '0')}s`;
  return `${sec}s`;
};
