import { useEffect, useRef } from 'react';

/**
 * Keep a native <dialog> shown as a modal while `open` is true. showModal gives
 * focus trapping, Escape and the backdrop for free, so every dialog uses it.
 */
export const useModalDialog = (open = true) => {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return ref;
};
