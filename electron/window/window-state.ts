import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { z } from 'zod';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What is remembered between runs, in userData/window-state.json. */
export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

/** Options for new BrowserWindow(): no x/y means "let the OS centre it". */
export interface WindowPlacement {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 820 } as const;
export const MIN_WINDOW_SIZE = { width: 800, height: 560 } as const;
/** How much of the window must be on a screen to count as visible: enough to grab and drag it. */
const MIN_VISIBLE = 64;

const finite = z.number().finite().min(-1e6).max(1e6);
const stateSchema = z.object({
  bounds: z.object({ x: finite.int(), y: finite.int(), width: finite.int().positive(), height: finite.int().positive() }),
  maximized: z.boolean(),
});

/** The saved state, or null for a missing, damaged or hand-edited file: start-up never fails over it. */
export function parseWindowState(text: string | null): WindowState | null {
  if (text === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = stateSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

/** The visible area of `a` on `b`, counting only a part at least MIN_VISIBLE wide and high (enough to grab). */
const visibleArea = (a: Rect, b: Rect): number => {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w >= MIN_VISIBLE && h >= MIN_VISIBLE ? w * h : 0;
};

const clamp = (value: number, min: number, max: number): number => Math.min(Math.max(value, min), Math.max(min, max));

/**
 * Where to open the window: the saved bounds if they are still on a screen
 * (moved fully inside the work area of the screen that shows most of it and
 * shrunk to fit), otherwise the saved size centred on the primary screen. A
 * monitor unplugged since the last run must never leave the window off-screen.
 */
export function placeWindow(state: WindowState | null, workAreas: readonly Rect[], primary: Rect): WindowPlacement {
  const sizeFor = (area: Rect, width: number, height: number) => ({
    width: clamp(width, Math.min(MIN_WINDOW_SIZE.width, area.width), area.width),
    height: clamp(height, Math.min(MIN_WINDOW_SIZE.height, area.height), area.height),
  });
  if (state === null) return { ...sizeFor(primary, DEFAULT_WINDOW_SIZE.width, DEFAULT_WINDOW_SIZE.height), maximized: false };

  const { bounds } = state;
  let best: Rect | null = null;
  let bestArea = 0;
  for (const area of workAreas) {
    const visible = visibleArea(bounds, area);
    if (visible > bestArea) [best, bestArea] = [area, visible];
  }
  if (!best) return { ...sizeFor(primary, bounds.width, bounds.height), maximized: state.maximized };

  const size = sizeFor(best, bounds.width, bounds.height);
  return {
    x: clamp(bounds.x, best.x, best.x + best.width - size.width),
    y: clamp(bounds.y, best.y, best.y + best.height - size.height),
    ...size,
    maximized: state.maximized,
  };
}

export async function loadWindowState(file: string): Promise<WindowState | null> {
  try {
    return parseWindowState(await readFile(file, 'utf8'));
  } catch {
    return null;
  }
}

/** Written to a temporary file and renamed over the old one, so a crash mid-write leaves the previous state. */
export async function saveWindowState(file: string, state: WindowState): Promise<void> {
  const temp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temp, JSON.stringify(state), 'utf8');
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
