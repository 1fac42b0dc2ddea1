/*
 * Local wall-clock formats, 24-hour, as the war room shows times. The
 * formatters are built once, and again only when the machine's UTC offset
 * changes (a new time zone, or daylight saving): toLocale*String with options
 * builds a new ICU formatter on every call, which made each timeline
 * re-render pay for it.
 */
const build = () => ({
  offset: new Date().getTimezoneOffset(),
  hm: new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
  hms: new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }),
  dateTime: new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'medium', hourCycle: 'h23' }),
});
let formats = build();
const current = () => {
  if (new Date().getTimezoneOffset() !== formats.offset) formats = build();
  return formats;
};

/** "14:32" */
export const localHourMinute = (t: number): string => current().hm.format(t);
/** "14:32:05" */
export const localClock = (t: number): string => current().hms.format(t);
/** The date and the time with seconds, in the reader's locale. */
export const localDateTime = (t: number): string => current().dateTime.format(t);
