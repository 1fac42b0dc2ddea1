/** 24-hour wall-clock time with seconds, as scribes note it. */
export const formatClock = (t: number, utc = false): string => {
  const d = new Date(t);
  const parts = utc ? [d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()] : [d.getHours(), d.getMinutes(), d.getSeconds()];
  return parts.map((n) => String(n).padStart(2, '0')).join(':') + (utc ? 'Z' : '');
};

