/**
 * Estimates how far each peer's wall clock is from ours, the way NTP does,
 * from round trips over Yjs awareness. A one-way estimate (their clock as sent
 * minus ours at receipt) counts every delay on the way as skew: a tab in the
 * background, whose timers and messages Chromium holds back, looked "4 s
 * behind" a tab of the same machine. Here each peer echoes the last clock it
 * heard from us with when it heard it, so a sample has four times:
 *
 *   t0 our clock when we sent, t1 theirs when it arrived,
 *   t2 theirs when they answered, t3 ours when the answer arrived.
 *
 * offset = ((t1 − t0) + (t2 − t3)) / 2 and round trip = (t3 − t0) − (t2 − t1).
 * Delays in either direction make the round trip longer and move the offset
 * by at most half of it, so of the recent samples the one with the shortest
 * round trip is believed, and a skew is reported only when it is larger than
 * the threshold plus that sample's uncertainty (half its round trip).
 */
export const DEFAULT_SKEW_THRESHOLD_MS = 2000;
const SAMPLES_KEPT = 8;

export interface RoundTrip {
  /** Our clock when we sent. */
  t0: number;
  /** Their clock when our message arrived. */
  t1: number;
  /** Their clock when they sent the answer. */
  t2: number;
  /** Our clock when the answer arrived. */
  t3: number;
}

interface Sample {
  offset: number;
  rtt: number;
}

/** One NTP sample: the offset (positive: their clock is ahead) and the round trip without their holding time. */
export const ntpSample = ({ t0, t1, t2, t3 }: RoundTrip): Sample => ({ offset: (t1 - t0 + (t2 - t3)) / 2, rtt: Math.max(0, t3 - t0 - (t2 - t1)) });

export class ClockSkewEstimator {
  private samples = new Map<string, Sample[]>();

  /** Record one round trip with a peer's device. */
  addRoundTrip(deviceId: string, times: RoundTrip): void {
    const list = this.samples.get(deviceId) ?? [];
    list.push(ntpSample(times));
    if (list.length > SAMPLES_KEPT) list.shift();
    this.samples.set(deviceId, list);
  }

  /** The recent sample with the shortest round trip: the least delayed, so the most trustworthy. */
  private best(deviceId: string): Sample | null {
    const list = this.samples.get(deviceId);
    if (!list || list.length === 0) return null;
    return list.reduce((a, b) => (b.rtt < a.rtt ? b : a));
  }

  /** Positive: their clock is ahead of ours. Null before any round trip. */
  offsetOf(deviceId: string): number | null {
    return this.best(deviceId)?.offset ?? null;
  }

  /** Devices whose clock is off by more than the threshold even allowing for the round trip's uncertainty. */
  skewed(thresholdMs: number = DEFAULT_SKEW_THRESHOLD_MS): Map<string, number> {
    const out = new Map<string, number>();
    for (const id of this.samples.keys()) {
      const b = this.best(id);
      if (b && Math.abs(b.offset) - b.rtt / 2 > thresholdMs) out.set(id, b.offset);
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
