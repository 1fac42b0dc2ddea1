import { fromWallParts, wallParts, type Zone } from '../../time/wall-clock';

/**
 * The scribe's inline time syntax, typed at the start of an entry, read in the
 * zone the timeline is shown in (a trailing Z or UTC says UTC whatever is shown):
 *   "14:32 DB failover started"     → today at 14:32 (yesterday if that is still well ahead)
 *   "14:32:05Z …", "14:32 UTC …"    → the same in UTC
 *   "2015-10-21 14:51 …"            → that date and time, with that date's UTC offset
 *   "2015-10-21T14:51Z …"           → the same in UTC
 *   "-5m rollback began"            → five minutes ago (s, m, h)
 * Anything else is plain text and happened now.
 */
export interface ParsedCapture {
  text: string;
  /** Absent when the text names no time. */
  occurredAt?: number;
  /** The zone a typed clock time was read in. */
  zone?: Zone;
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(?:(Z)|\s+(UTC))?\s+/i;
const CLOCK = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(?:(Z)|\s+(UTC))?\s+/i;
const AGO = /^-(\d{1,4})([smh])\s+/i;
const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000 } as const;
/** A time a little ahead of our clock is clock skew between laptops, not yesterday. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

const rest = (input: string, match: RegExpExecArray) => input.slice(match[0].length).trim();

export const parseCapture = (raw: string, now: number, shown: Zone = 'local'): ParsedCapture => {
  const input = raw.trim();
  const full = DATE_TIME.exec(input);
  if (full) {
    const [y, mo, d, h, mi, s] = full.slice(1, 7).map((x) => Number(x ?? 0)) as [number, number, number, number, number, number];
    const zone: Zone = full[7] || full[8] ? 'utc' : shown;
    const at = fromWallParts(y, mo, d, h, mi, s, zone);
    if (at !== null) return { text: rest(input, full), occurredAt: at, zone };
  }
  const clock = CLOCK.exec(input);
  if (clock) {
    const [h, mi, s] = clock.slice(1, 4).map((x) => Number(x ?? 0)) as [number, number, number];
    const zone: Zone = clock[4] || clock[5] ? 'utc' : shown;
    const [y, mo, d] = wallParts(now, zone);
    let at = fromWallParts(y, mo, d, h, mi, s, zone);
    if (at !== null && at - now > FUTURE_TOLERANCE_MS) {
      const yesterday = new Date(Date.UTC(y, mo - 1, d - 1));
      at = fromWallParts(yesterday.getUTCFullYear(), yesterday.getUTCMonth() + 1, yesterday.getUTCDate(), h, mi, s, zone);
    }
    if (at !== null) return { text: rest(input, clock), occurredAt: at, zone };
  }
  const ago = AGO.exec(input);
  if (ago) {
    const unit = ago[2]!.toLowerCase() as keyof typeof UNIT_MS;
    return { text: rest(input, ago), occurredAt: now - Number(ago[1]) * UNIT_MS[unit] };
  }
  return { text: input };
};
