import { describe, expect, it } from 'vitest';
import type { WindowState } from './window-state';
import { keepWindowState, type TrackedWindow } from './window-state-keeper';

function fakeWindow() {
  const listeners = new Map<string, () => void>();
  const w = {
    bounds: { x: 0, y: 0, width: 1000, height: 700 },
    maximized: false,
    emit: (event: string) => listeners.get(event)?.(),
  };
  const tracked: TrackedWindow = {
    getNormalBounds: () => ({ ...w.bounds }),
    isMaximized: () => w.maximized,
    on: (event, listener) => listeners.set(event, listener),
  };
  return { w, tracked };
}

/** Timers the test runs by hand. */
function manualTimers() {
  const pending = new Map<number, () => void>();
  let next = 1;
  return {
    setTimer: (fn: () => void) => (pending.set(next, fn), next++),
    clearTimer: (t: unknown) => void pending.delete(t as number),
    runAll: () => {
      const fns = [...pending.values()];
      pending.clear();
      for (const fn of fns) fn();
    },
    count: () => pending.size,
  };
}

describe('keepWindowState', () => {
  it('saves once after a burst of moves and resizes, with the latest bounds', () => {
    const { w, tracked } = fakeWindow();
    const timers = manualTimers();
    const saved: WindowState[] = [];
    keepWindowState(tracked, { save: (s) => saved.push(s), ...timers });
    w.bounds = { x: 10, y: 10, width: 1000, height: 700 };
    w.emit('move');
    w.bounds = { x: 20, y: 30, width: 1100, height: 720 };
    w.emit('resize');
    expect(timers.count()).toBe(1);
    expect(saved).toEqual([]);
    timers.runAll();
    expect(saved).toEqual([{ bounds: { x: 20, y: 30, width: 1100, height: 720 }, maximized: false }]);
  });

  it('saves at once on close, cancelling the pending save', () => {
    const { w, tracked } = fakeWindow();
    const timers = manualTimers();
    const saved: WindowState[] = [];
    keepWindowState(tracked, { save: (s) => saved.push(s), ...timers });
    w.emit('resize');
    w.maximized = true;
    w.emit('close');
    expect(saved).toEqual([{ bounds: { x: 0, y: 0, width: 1000, height: 700 }, maximized: true }]);
    expect(timers.count()).toBe(0);
  });

  it('records maximizing and restoring', () => {
    const { w, tracked } = fakeWindow();
    const timers = manualTimers();
    const saved: WindowState[] = [];
    keepWindowState(tracked, { save: (s) => saved.push(s), ...timers });
    w.maximized = true;
    w.emit('maximize');
    timers.runAll();
    w.maximized = false;
    w.emit('unmaximize');
    timers.runAll();
    expect(saved.map((s) => s.maximized)).toEqual([true, false]);
  });
});
