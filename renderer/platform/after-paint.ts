/** How long a hidden page (no animation frames) waits instead. */
const HIDDEN_PAGE_DELAY_MS = 50;

/**
 * Runs `run` once the browser has produced its next frame, for work that must
 * happen soon but must not delay the frame showing a change (saving it,
 * passing it on to other peers). A hidden page gets no frames, so `run` also
 * goes after a short delay, whichever comes first.
 */
export const afterPaint = (run: () => void): void => {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    run();
  };
  requestAnimationFrame(() => setTimeout(once, 0));
  setTimeout(once, HIDDEN_PAGE_DELAY_MS);
};
