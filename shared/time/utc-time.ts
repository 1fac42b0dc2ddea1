/*
 * Times in text that leaves the room (updates, briefs) are in UTC and say so:
 * stakeholders and the next commander may be in any time zone.
 */

const two = (n: number) => String(n).padStart(2, '0');

/** "14:32 UTC" */
export const utcClock = (t: number): string => {
  const d = new Date(t);
  return `${two(d.getUTCHours())}:${two(d.getUTCMinutes())} UTC`;
};

/** "2024-01-01 14:32 UTC" */
export const utcDateTime = (t: number): string => `${new Date(t).toISOString().slice(0, 10)} ${utcClock(t)}`;

/** "1 h 05 min", "12 min", "under a minute": spoken durations. */
export const spokenDuration = (ms: number): string => {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (minutes < 1) return 'under a minute';
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h > 0 ? `${h} h ${two(m)} min` : `${m} min`;
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "21 Oct 2015, 14:51 UTC" (seconds only when there are some): a time in a message for people. */
export const readableUtc = (t: number): string => {
  const d = new Date(t);
  const secs = d.getUTCSeconds();
  const clock = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}${secs ? `:${two(secs)}` : ''}`;
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${clock} UTC`;
};
