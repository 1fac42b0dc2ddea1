/**
 * Estimates how far each peer's wall clock is from ours. Each awareness update
 * carries the sender's clock; on a LAN delivery takes milliseconds, so
 * (their clock − our clock at receipt) is the offset plus a small delay. The
 * median of recent samples shrugs off a delayed message or a laptop waking up.
 */
export const DEFAULT_SKEW_THRESHOLD_MS = 2000;
const SAMPLES_KEPT = 9;

export class ClockSkewEstimator {
  private samples = new Map<string, number[]>();

  /** Record one observation: the peer's clock as sent, and ours when it arrived. */
  addSample(deviceId: string, theirClock: number, ourClock: number): void {
    const list = this.samples.get(deviceId) ?? [];
    list.push(theirClock - ourClock);
    if (list.length > SAMPLES_KEPT) list.shift();
    this.samples.set(deviceId, list);
  }

  /** Positive: their clock is ahead of ours. Null before any sample. */
  offsetOf(deviceId: string): number | null {
    const list = this.samples.get(deviceId);
    if (!list || list.length === 0) return null;
    const sorted = [...list].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  }

  /** Devices whose estimated offset exceeds the threshold either way. */
  skewed(thresholdMs: number = DEFAULT_SKEW_THRESHOLD_MS): Map<string, number> {
    const out = new Map<string, number>();
    for (const id of this.samples.keys()) {
      const off = this.offsetOf(id);
      if (off !== null && Math.abs(off) > thresholdMs) out.set(id, off);
    }
    return out;
  }

  forget(deviceId: string): void {
    this.samples.delete(deviceId);
  }
}

/** "3.2 s ahead", "2 min 5 s behind". */
export const describeOffset = (offsetMs: number): string => {
  const abs = Math.abs(offsetMs);
  const s = Math.round(abs / 100) / 10;
  const amount = s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
  return `${amount} ${offsetMs > 0 ? 'ahead' : 'behind'}`;
};
