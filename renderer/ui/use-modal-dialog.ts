import { useEffect, useRef } from 'react';

/**
 * Keep a native <dialog> shown as a modal while `open` is true. showModal gives
 * focus trapping, Escape and the backdrop for free, so every dialog uses it.
 * `focusOnOpen` (a selector) is focused after showing: content that mounted
 * while the dialog was still closed had its autofocus find nothing to focus.
 * Focus goes back to what had it before the dialog, however the dialog ends.
 */
export const useModalDialog = (open = true, focusOnOpen?: string) => {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      d.showModal();
      if (focusOnOpen) d.querySelector<HTMLElement>(focusOnOpen)?.focus();
    }
    if (!open && d.open) d.close();
  }, [open, focusOnOpen]);
  // close() hands focus back to the opener by itself; a dialog unmounted while open does not, so do it here.
  useEffect(
    () => () => {
      const back = opener.current;
      if (back?.isConnected && (document.activeElement === document.body || document.activeElement === null)) back.focus();
    },
    [],
  );
  return ref;
};

/**
 * An onClose handler that acts only if the dialog is still closed. The close
 * event is queued, and a browser may run input first: a palette closed and
 * reopened at once (Enter on a command, then Ctrl+K) got the stale close event
 * after it had reopened, and shut again under the user's typing.
 */
export const whenStillClosed =
  (onClosed: () => void) =>
  (e: { currentTarget: { open: boolean } }): void => {
    if (!e.currentTarget.open) onClosed();
  };
