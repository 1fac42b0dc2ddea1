import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_WINDOW_SIZE, MIN_WINDOW_SIZE, loadWindowState, parseWindowState, placeWindow, saveWindowState, type Rect, type WindowState } from './window-state';

const laptop: Rect = { x: 0, y: 0, width: 1440, height: 875 };
/** A second monitor to the left of the laptop: negative coordinates are normal. */
const leftMonitor: Rect = { x: -1920, y: 0, width: 1920, height: 1050 };

const state = (bounds: Rect, maximized = false): WindowState => ({ bounds, maximized });

describe('parseWindowState', () => {
  it('reads what saveWindowState writes', () => {
    const s = state({ x: 10, y: 20, width: 1000, height: 700 }, true);
    expect(parseWindowState(JSON.stringify(s))).toEqual(s);
  });

  it.each([
    [null, 'no file'],
    ['', 'an empty file'],
    ['{"bounds":', 'a half-written file'],
    ['[]', 'an array'],
    ['{"bounds":{"x":0,"y":0,"width":800},"maximized":false}', 'a missing height'],
    ['{"bounds":{"x":0,"y":0,"width":-5,"height":600},"maximized":false}', 'a negative width'],
    ['{"bounds":{"x":1e300,"y":0,"width":800,"height":600},"maximized":false}', 'absurd coordinates'],
    ['{"bounds":{"x":0.5,"y":0,"width":800,"height":600},"maximized":false}', 'fractions'],
    ['{"bounds":{"x":0,"y":0,"width":800,"height":600},"maximized":"yes"}', 'a mistyped flag'],
  ])('gives null for %j (%s)', (text: string | null, _what: string) => {
    expect(parseWindowState(text)).toBeNull();
  });
});

describe('placeWindow', () => {
  it('opens at the default size, centred by the OS, the first time', () => {
    expect(placeWindow(null, [laptop], laptop)).toEqual({ ...DEFAULT_WINDOW_SIZE, maximized: false });
  });

  it('restores bounds that are still on a screen, and the maximized flag', () => {
    const saved = state({ x: 100, y: 50, width: 1000, height: 700 }, true);
    expect(placeWindow(saved, [laptop], laptop)).toEqual({ x: 100, y: 50, width: 1000, height: 700, maximized: true });
  });

  it('restores a window on a monitor left of the primary one', () => {
    const saved = state({ x: -1800, y: 100, width: 1200, height: 800 });
    expect(placeWindow(saved, [laptop, leftMonitor], laptop)).toEqual({ x: -1800, y: 100, width: 1200, height: 800, maximized: false });
  });

  it('centres the window on the primary screen when its monitor was unplugged', () => {
    const saved = state({ x: -1800, y: 100, width: 1200, height: 800 });
    const placed = placeWindow(saved, [laptop], laptop);
    expect(placed).toEqual({ width: 1200, height: 800, maximized: false });
  });

  it('treats a window with only a sliver on screen as lost', () => {
    const saved = state({ x: laptop.width - 20, y: 100, width: 1000, height: 700 });
    expect(placeWindow(saved, [laptop], laptop)).not.toHaveProperty('x');
  });

  it('pulls a window that hangs over the edge fully onto its screen', () => {
    const saved = state({ x: 900, y: 500, width: 1000, height: 700 });
    const placed = placeWindow(saved, [laptop], laptop);
    expect(placed).toEqual({ x: laptop.width - 1000, y: laptop.height - 700, width: 1000, height: 700, maximized: false });
  });

  it('shrinks a window bigger than its screen, but not below the minimum size', () => {
    const saved = state({ x: 0, y: 0, width: 3000, height: 2000 });
    expect(placeWindow(saved, [laptop], laptop)).toEqual({ x: 0, y: 0, width: laptop.width, height: laptop.height, maximized: false });
    const tiny = state({ x: 10, y: 10, width: 200, height: 100 });
    expect(placeWindow(tiny, [laptop], laptop)).toMatchObject(MIN_WINDOW_SIZE);
  });

  it('picks the screen that shows most of the window', () => {
    // Mostly on the left monitor, a little on the laptop.
    const saved = state({ x: -1000, y: 100, width: 1200, height: 800 });
    expect(placeWindow(saved, [laptop, leftMonitor], laptop)).toMatchObject({ x: -1200, y: 100 });
  });
});

describe('loadWindowState and saveWindowState', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'warroom-window-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('round-trips through a JSON file, leaving no temporary file behind', async () => {
    const file = path.join(dir, 'window-state.json');
    const s = state({ x: -5, y: 30, width: 900, height: 600 }, false);
    await saveWindowState(file, s);
    await expect(loadWindowState(file)).resolves.toEqual(s);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(s);
    expect(await readdir(dir)).toEqual(['window-state.json']);
  });

  it('gives null for a missing or damaged file', async () => {
    await expect(loadWindowState(path.join(dir, 'nope.json'))).resolves.toBeNull();
    const damaged = path.join(dir, 'damaged.json');
    await writeFile(damaged, '{"bounds": {');
    await expect(loadWindowState(damaged)).resolves.toBeNull();
  });

  it('fails loudly when the folder cannot be written, keeping no temporary file', async () => {
    const file = path.join(dir, 'missing-folder', 'window-state.json');
    await expect(saveWindowState(file, state({ x: 0, y: 0, width: 900, height: 600 }))).rejects.toThrow(/ENOENT/);
  });
});
