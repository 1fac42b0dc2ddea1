/** Nearest-rank percentile. */
export const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
};

export const median = (values: number[]): number => percentile(values, 50);

export const round = (v: number, digits = 2): number => Math.round(v * 10 ** digits) / 10 ** digits;

export interface Summary {
  n: number;
  median: number;
  p95: number;
}

export const summarise = (values: number[]): Summary => ({ n: values.length, median: round(median(values)), p95: round(percentile(values, 95)) });
