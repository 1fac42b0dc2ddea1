import type { Lifecycle, LifecycleMilestone } from '../schema/types';
import { MILESTONE_LABEL } from '../schema/records/lifecycle-order';

/**
 * Every response figure, defined once: from one milestone to the first of `to`
 * that is present. The header, the metrics pane and page, the phase bar, the
 * postmortem draft, the handoff brief and the exports all read these, by name.
 * Impact runs to the resolution (the published record's "down for 66
 * minutes"), or to the mitigation while there is no resolution yet.
 */
export const METRIC_SPANS = {
  ttd: { from: 'started', to: ['detected'], label: 'Time to detect', average: 'MTTD' },
  ttdc: { from: 'started', to: ['declared'], label: 'Time to declare', average: 'Mean time to declare' },
  tta: { from: 'detected', to: ['acknowledged'], label: 'Time to acknowledge', average: 'MTTA' },
  ttm: { from: 'started', to: ['mitigated'], label: 'Time to mitigate', average: 'MTTM' },
  impact: { from: 'started', to: ['resolved', 'mitigated'], label: 'Impact duration', average: 'Mean impact' },
  ttr: { from: 'started', to: ['resolved'], label: 'Time to resolve', average: 'MTTR' },
  ttc: { from: 'started', to: ['closed'], label: 'Time to close', average: 'Mean time to close' },
} as const satisfies Record<string, { from: LifecycleMilestone; to: readonly LifecycleMilestone[]; label: string; average: string }>;

export type MetricName = keyof typeof METRIC_SPANS;
export const METRIC_NAMES = Object.keys(METRIC_SPANS) as MetricName[];

/** "Started → Resolved (or Mitigated)": what a figure measures, in words. */
export const describeSpan = (name: MetricName): string => {
  const { from, to } = METRIC_SPANS[name];
  const [first, ...fallbacks] = to;
  return `${MILESTONE_LABEL[from]} → ${MILESTONE_LABEL[first]}${fallbacks.length > 0 ? ` (or ${fallbacks.map((m) => MILESTONE_LABEL[m]).join(', ')})` : ''}`;
};

/** The milestone a figure ends at for this lifecycle: the first of `to` present. */
const endOf = (lifecycle: Lifecycle, name: MetricName): number | undefined => {
  for (const m of METRIC_SPANS[name].to) if (lifecycle[m] !== undefined) return lifecycle[m];
  return undefined;
};

/** Milliseconds per metric, or null where a milestone is missing or the span is negative. */
export type IncidentMetrics = Record<MetricName, number | null>;

export const metricOf = (lifecycle: Lifecycle, name: MetricName): number | null => {
  const a = lifecycle[METRIC_SPANS[name].from];
  const b = endOf(lifecycle, name);
  return a !== undefined && b !== undefined && b >= a ? b - a : null;
};

export const incidentMetrics = (lifecycle: Lifecycle): IncidentMetrics => {
  const out = {} as IncidentMetrics;
  for (const name of METRIC_NAMES) out[name] = metricOf(lifecycle, name);
  return out;
};

export interface Headline {
  /** "Time to resolve", or "Since impact started" while it runs. */
  label: string;
  ms: number;
  ongoing: boolean;
}

/**
 * The one figure the war-room header and the incident list show: the time to
 * resolve once resolved, else how long since impact started. When nobody
 * recorded when impact started, it counts from the declaration, and says so.
 */
export const headlineFigure = (lifecycle: Lifecycle, now: number): Headline | null => {
  const ttr = metricOf(lifecycle, 'ttr');
  if (ttr !== null) return { label: METRIC_SPANS.ttr.label, ms: ttr, ongoing: false };
  if (lifecycle.resolved !== undefined) {
    // Resolved, but nobody recorded when impact started: say what is measured instead.
    const { declared, resolved } = lifecycle;
    return declared !== undefined && resolved >= declared ? { label: 'Declared to resolved (impact start unknown)', ms: resolved - declared, ongoing: false } : null;
  }
  const from = lifecycle.started ?? lifecycle.declared;
  if (from === undefined) return null;
  return { label: lifecycle.started !== undefined ? 'Since impact started' : 'Since declared', ms: Math.max(0, now - from), ongoing: true };
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
