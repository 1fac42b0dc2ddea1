/*
 * Lifecycle times are edited in a datetime-local field, in local time or in
 * UTC when the user shows times in UTC. These convert both ways.
 */

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

const parts = (t: number, utc: boolean) => {
  const d = new Date(t);
  return utc
    ? [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()]
    : [d.getFullYear(), d.getMonth() + 1, d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds()];
};

/** "2024-01-31T14:02:05": the value a datetime-local input with step=1 takes. */
export const toInputValue = (t: number, utc: boolean): string => {
  const [y, mo, d, h, mi, s] = parts(t, utc) as [number, number, number, number, number, number];
  return `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}`;
};

const INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;

/** Epoch ms of a datetime-local value, or null if it is not a real time (Feb 30th, 25:00). */
export const fromInputValue = (value: string, utc: boolean): number | null => {
  const m = INPUT.exec(value.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map((x) => Number(x ?? 0)) as [number, number, number, number, number, number];
  const t = utc ? Date.UTC(y, mo - 1, d, h, mi, s) : new Date(y, mo - 1, d, h, mi, s).getTime();
  if (!Number.isFinite(t)) return null;
  // Date rolls over out-of-range fields; a round trip catches it.
  const back = parts(t, utc);
  return back.every((v, i) => v === [y, mo, d, h, mi, s][i]) ? t : null;
};

/** Compact for the header: the time alone when it is today, else the date too. */
export const formatMilestone = (t: number, utc: boolean, now: number): string => {
  const [y, mo, d, h, mi, s] = parts(t, utc) as [number, number, number, number, number, number];
  const [ny, nmo, nd] = parts(now, utc);
  const time = `${pad(h)}:${pad(mi)}:${pad(s)}${utc ? 'Z' : ''}`;
  return y === ny && mo === nmo && d === nd ? time : `${pad(y, 4)}-${pad(mo)}-${pad(d)} ${time}`;
};
