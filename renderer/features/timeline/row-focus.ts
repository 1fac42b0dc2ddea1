/** Moving through the timeline from the keyboard: rows are found in the DOM, in display order. */

const ROW = '[data-testid="timeline-entry"]';

/**
 * Focus the row `step` away from `row`. The list is virtualised, but the
 * overscan keeps a dozen rows either side in the DOM, and focus() scrolls the
 * one reached into view.
 */
export const focusSiblingRow = (row: HTMLElement, step: 1 | -1): void => {
  const list = row.closest('[role="list"]');
  if (!list) return;
  const rows = [...list.querySelectorAll<HTMLElement>(ROW)];
  const next = rows[rows.indexOf(row) + step];
  next?.focus();
  next?.scrollIntoView({ block: 'nearest' });
};

export const focusCaptureBox = (): void => document.querySelector<HTMLElement>('input.capture-input')?.focus({ preventScroll: true });

/** Esc in the entry box: to the newest entry on screen, from where ↑ and K go back through the timeline. */
export const focusLastRow = (): boolean => {
  const rows = document.querySelectorAll<HTMLElement>(`[data-testid="timeline"] ${ROW}`);
  const last = rows[rows.length - 1];
  if (!last) return false;
  last.focus();
  return true;
};
