/*
 * Local wall-clock formats, 24-hour, as the war room shows times. The
 * formatters are built once: toLocale*String with options builds a new ICU
 * formatter on every call, which made each timeline re-render pay for it.
 */
const HM = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const HMS = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
const DATE_TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'medium', hourCycle: 'h23' });

/** "14:32" */
export const localHourMinute = (t: number): string => HM.format(t);
/** "14:32:05" */
export const localClock = (t: number): string => HMS.format(t);
/** The date and the time with seconds, in the reader's locale. */
export const localDateTime = (t: number): string => DATE_TIME.format(t);
