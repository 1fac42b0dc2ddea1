/*
 * Times as people read and type them, in the zone they are shown in: UTC, or
 * the device's own zone. A typed time is read with the UTC offset of the date
 * typed (2015-10-21 in Los Angeles is PDT, even in December), and every time
 * shown carries its zone's name, because a bare "14:51" in a record read in
 * another city is a trap.
 */

export type Zone = 'utc' | 'local';

export const zoneOf = (utc: boolean): Zone => (utc ? 'utc' : 'local');

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** [year, month (1-12), day, hour, minute, second] of `t` in `zone`. */
export const wallParts = (t: number, zone: Zone): [number, number, number, number, number, number] => {
  const d = new Date(t);
  return zone === 'utc'
    ? [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()]
    : [d.getFullYear(), d.getMonth() + 1, d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds()];
};

/**
 * The instant a wall-clock reading names in `zone`, or null when it names none:
 * Feb 30th, 25:00, or a local time skipped by a daylight-saving change.
 */
export const fromWallParts = (y: number, mo: number, d: number, h: number, mi: number, s: number, zone: Zone): number | null => {
  const t = zone === 'utc' ? Date.UTC(y, mo - 1, d, h, mi, s) : new Date(y, mo - 1, d, h, mi, s).getTime();
  if (!Number.isFinite(t)) return null;
  // Date rolls out-of-range fields over (and local time over a DST gap); a round trip catches both.
  const back = wallParts(t, zone);
  return back.every((v, i) => v === [y, mo, d, h, mi, s][i]) ? t : null;
};

/** "UTC", or the device zone's short name at that instant ("PDT", "PST", "GMT+2"). */
export const zoneName = (t: number, zone: Zone): string => {
  if (zone === 'utc') return 'UTC';
  const part = new Intl.DateTimeFormat('en-US', { timeZoneName: 'short' }).formatToParts(t).find((p) => p.type === 'timeZoneName');
  return part?.value ?? 'local time';
};

/** "14:51:05", or "14:51" without seconds. */
export const wallTime = (t: number, zone: Zone, seconds = true): string => {
  const [, , , h, mi, s] = wallParts(t, zone);
  return seconds ? `${pad(h)}:${pad(mi)}:${pad(s)}` : `${pad(h)}:${pad(mi)}`;
};

/** "2015-10-21" */
export const wallDate = (t: number, zone: Zone): string => {
  const [y, mo, d] = wallParts(t, zone);
  return `${pad(y, 4)}-${pad(mo)}-${pad(d)}`;
};

export const sameWallDay = (a: number, b: number, zone: Zone): boolean => wallDate(a, zone) === wallDate(b, zone);

/** "14:51:05 PDT" on the day `today` names ("2026-12-01", or '' for never), "2015-10-21 14:51:05 PDT" on any other day. */
export const wallStampOn = (t: number, zone: Zone, today: string, seconds = true): string => {
  const date = wallDate(t, zone);
  return `${date === today ? '' : `${date} `}${wallTime(t, zone, seconds)} ${zoneName(t, zone)}`;
};

/** "14:51:05 PDT" today, "2015-10-21 14:51:05 PDT" on any other day. */
export const wallStamp = (t: number, zone: Zone, now: number, seconds = true): string =>
  wallStampOn(t, zone, Number.isFinite(now) ? wallDate(now, zone) : '', seconds);

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "21 Oct 2015, 08:00 PDT" (seconds only when there are some): a time in a message for people. */
export const readableWall = (t: number, zone: Zone): string => {
  const [y, mo, d, h, mi, s] = wallParts(t, zone);
  return `${d} ${MONTHS[mo - 1]} ${y}, ${pad(h)}:${pad(mi)}${s ? `:${pad(s)}` : ''} ${zoneName(t, zone)}`;
};

/** "Wednesday 21 October 2015": a day separator in the timeline. */
export const wallDayHeading = (t: number, zone: Zone): string =>
  new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: zone === 'utc' ? 'UTC' : undefined }).format(t);

/** The value a datetime-local input with step=1 takes: "2015-10-21T14:51:05". */
export const toDateTimeInput = (t: number, zone: Zone): string => `${wallDate(t, zone)}T${wallTime(t, zone)}`;

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;

/** A datetime-local value (or "2015-10-21 14:51"), read in `zone` with that date's offset; null if it is not a real time. */
export const fromDateTimeInput = (value: string, zone: Zone): number | null => {
  const m = DATE_TIME.exec(value.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map((x) => Number(x ?? 0)) as [number, number, number, number, number, number];
  return fromWallParts(y, mo, d, h, mi, s, zone);
};
