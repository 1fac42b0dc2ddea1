import { useEffect } from 'react';

const FOCUSABLE = 'a[href], button, input, select, textarea, summary, [tabindex], [contenteditable="true"]';

const usable = (el: Element): el is HTMLElement =>
  el instanceof HTMLElement && el.isConnected && !el.closest('[inert]') && !(el as HTMLButtonElement).disabled && (el.checkVisibility?.() ?? true);

const focusable = (el: Element): boolean => usable(el) && el.matches(FOCUSABLE) && el.tabIndex >= 0;

/**
 * Where focus goes when the focused element vanished: the nearest focusable
 * ancestor it had that is still on screen (a closed entry editor hands focus
 * back to its entry row), else the first focusable element inside the nearest
 * ancestor still on screen (a dialog removed while open: the controls around
 * where it was), else the page's <main>.
 */
const refuge = (ancestors: readonly Element[]): HTMLElement | null => {
  const row = ancestors.find(focusable);
  if (row instanceof HTMLElement) return row;
  const around = ancestors.find(usable);
  const inside = around ? [...around.querySelectorAll<HTMLElement>(FOCUSABLE)].find(focusable) : undefined;
  if (inside) return inside;
  const main = document.querySelector('main');
  if (main instanceof HTMLElement) {
    // A landmark as the last resort, focusable by script only.
    if (!main.hasAttribute('tabindex')) main.tabIndex = -1;
    return main;
  }
  return null;
};

/**
 * Focus never drops to <body> because what had it went away: a dialog closed
 * or removed while its opener is gone, an inline edit that closed, a row that
 * re-rendered. Keyboard users would otherwise start again from the top of the
 * page. Clicking on empty space (focus leaves, nothing vanished) is left alone.
 * Checked one task after the change, so a component's own choice (a dialog
 * returning focus to its opener, a command focusing a field) comes first.
 */
export const useFocusKeeper = (): void => {
  useEffect(() => {
    let last: HTMLElement | null = null;
    let ancestors: Element[] = [];
    let timer: ReturnType<typeof setTimeout> | null = null;

    const lost = () => (document.activeElement === document.body || document.activeElement === null) && last !== null && !usable(last);
    const check = () => {
      timer = null;
      if (!lost()) return;
      last = null;
      refuge(ancestors)?.focus({ preventScroll: false });
    };
    const schedule = () => {
      if (timer === null && lost()) timer = setTimeout(check, 0);
    };
    const onFocusIn = (e: FocusEvent) => {
      if (!(e.target instanceof HTMLElement)) return;
      last = e.target;
      ancestors = [];
      for (let a = e.target.parentElement; a && a !== document.body; a = a.parentElement) ancestors.push(a);
    };

    const observer = new MutationObserver(schedule);
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['open', 'hidden', 'inert'] });
    document.addEventListener('focusin', onFocusIn);
    document.addEventListener('focusout', schedule);
    return () => {
      observer.disconnect();
      document.removeEventListener('focusin', onFocusIn);
      document.removeEventListener('focusout', schedule);
      if (timer !== null) clearTimeout(timer);
    };
  }, []);
};
