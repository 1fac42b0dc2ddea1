/**
 * The scribe's inline time syntax, typed at the start of an entry:
 *   "14:32 DB failover started"   → today at 14:32 local time (yesterday if that is still ahead)
 *   "14:32:05Z …"                 → the same in UTC
 *   "-5m rollback began"          → five minutes ago (s, m, h)
 * Anything else is plain text and happened now.
 */
export interface ParsedCapture {
  text: string;
  /** Absent when the text names no time. */
  occurredAt?: number;
}

const CLOCK = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(Z)?\s+/i;
const AGO = /^-(\d{1,4})([smh])\s+/i;
const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000 } as const;
/** A time a little ahead of our clock is clock skew between laptops, not yesterday. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

export const parseCapture = (raw: string, now: number): ParsedCapture => {
  const input = raw.trim();
  const clock = CLOCK.exec(input);
  if (clock) {
    const [, hh, mm, ss, z] = clock;
    const h = Number(hh);
    const m = Number(mm);
    const s = Number(ss ?? 0);
    if (h < 24 && m < 60 && s < 60) {
      const base = new Date(now);
      if (z) base.setUTCHours(h, m, s, 0);
      else base.setHours(h, m, s, 0);
      let at = base.getTime();
      if (at - now > FUTURE_TOLERANCE_MS) at -= 24 * 3_600_000;
      return { text: input.slice(clock[0].length).trim(), occurredAt: at };
    }
  }
  const ago = AGO.exec(input);
  if (ago) {
    const unit = ago[2]!.toLowerCase() as keyof typeof UNIT_MS;
    return { text: input.slice(ago[0].length).trim(), occurredAt: now - Number(ago[1]) * UNIT_MS[unit] };
  }
  return { text: input };
};
