import type { Rect, WindowState } from './window-state';

/** The slice of BrowserWindow the keeper reads; tests pass a fake. */
export interface TrackedWindow {
  /** The bounds when not maximized, minimized or full screen, so un-maximizing next run restores a real size. */
  getNormalBounds(): Rect;
  isMaximized(): boolean;
  on(event: 'resize' | 'move' | 'maximize' | 'unmaximize' | 'close', listener: () => void): unknown;
}

export interface KeeperOptions {
  save(state: WindowState): void;
  /** Moves and resizes come in bursts while dragging; one write per pause is enough. */
  delayMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

/** Remembers the window's placement: after each burst of moves and resizes, and once more on close. */
export function keepWindowState(window: TrackedWindow, options: KeeperOptions): void {
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = options.clearTimer ?? ((t) => clearTimeout(t as NodeJS.Timeout));
  const delay = options.delayMs ?? 500;
  let timer: unknown = null;

  const snapshot = (): WindowState => ({ bounds: window.getNormalBounds(), maximized: window.isMaximized() });
  const flush = (): void => {
    if (timer !== null) clearTimer(timer);
    timer = null;
    options.save(snapshot());
  };
  const later = (): void => {
    if (timer !== null) clearTimer(timer);
    timer = setTimer(flush, delay);
  };

  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) window.on(event, later);
  // On close the window still exists; after 'closed' it could no longer be asked.
  window.on('close', flush);
}
