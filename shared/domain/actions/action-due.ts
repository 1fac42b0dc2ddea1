import { ACTION_PRIORITIES, type ActionItem } from '../../schema/types';

/** Still to do: open or being worked on. */
export const isOpenAction = (a: Pick<ActionItem, 'status'>): boolean => a.status === 'open' || a.status === 'in_progress';

/**
 * Past its due date and not finished. `today` is the viewer's local date
 * (YYYY-MM-DD): an item due today is not overdue until tomorrow. ISO dates
 * compare correctly as strings.
 */
export const isOverdue = (a: Pick<ActionItem, 'status' | 'due'>, today: string): boolean => isOpenAction(a) && a.due !== '' && a.due < today;

/** The local calendar date of `t`, given `Date#getTimezoneOffset()` (minutes behind UTC). */
export const localIsoDate = (t: number, timezoneOffsetMinutes: number): string =>
  new Date(t - timezoneOffsetMinutes * 60_000).toISOString().slice(0, 10);

/** Overdue first, then open before finished, then soonest due (undated last), then priority. */
export const compareForTracker =
  (today: string) =>
  (a: ActionItem, b: ActionItem): number =>
    Number(isOverdue(b, today)) - Number(isOverdue(a, today)) ||
    Number(isOpenAction(b)) - Number(isOpenAction(a)) ||
    (a.due || '9999').localeCompare(b.due || '9999') ||
    ACTION_PRIORITIES.indexOf(a.priority) - ACTION_PRIORITIES.indexOf(b.priority) ||
    a.title.localeCompare(b.title);
