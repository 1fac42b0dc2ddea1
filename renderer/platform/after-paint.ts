/** How long a hidden page (no animation frames) waits instead, before timer throttling. */
const HIDDEN_PAGE_DELAY_MS = 50;

/**
 * Runs `run` once the browser has produced its next frame, for work that must
 * happen soon but must not delay the frame showing a change (saving it,
 * passing it on to other peers). A hidden page gets no frames, so `run` also
 * goes after a short delay (which the browser may stretch to about a second
 * for a hidden page), whichever comes first; the other is cancelled.
 */
export const afterPaint = (run: () => void): void => {
  let frame = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const once = () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    run();
  };
  frame = requestAnimationFrame(() => {
    clearTimeout(timer);
    timer = setTimeout(once, 0);
  });
  timer = setTimeout(once, HIDDEN_PAGE_DELAY_MS);
};
