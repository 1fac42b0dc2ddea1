import { ROLES, type Role } from '../schema/types';

/**
 * What each peer publishes in Yjs awareness. Never persisted: it describes who
 * is here right now. A peer can publish anything, so `parsePresence` checks it.
 */
export interface PresenceState {
  name: string;
  color: string;
  deviceId: string;
  /** The incident role this person holds, if any. */
  role: Role | null;
  /** Which pane they are looking at (timeline, postmortem, …). */
  pane: string;
  /** When they last typed or clicked, by their clock. */
  lastActiveAt: number;
  /** Their wall clock when this state was published; used to estimate skew. */
  wallClock: number;
  /**
   * For each peer (by awareness client id) the last clock heard from it and
   * this peer's clock when it arrived: the echo that makes a round trip (see
   * clock-skew.ts). Absent from older peers, whose skew is then not estimated.
   */
  clockEcho?: Record<string, ClockEcho>;
}

export interface ClockEcho {
  /** The clock the peer published. */
  t0: number;
  /** Our clock when it arrived. */
  t1: number;
}

/** A peer echoes at most this many clocks: a room is a few dozen people. */
const MAX_ECHOES = 200;

const parseEcho = (v: unknown): Record<string, ClockEcho> | undefined => {
  if (!isObject(v)) return undefined;
  const out: Record<string, ClockEcho> = {};
  for (const [k, e] of Object.entries(v).slice(0, MAX_ECHOES)) if (/^\d{1,16}$/.test(k) && isObject(e) && finite(e.t0) && finite(e.t1)) out[k] = { t0: e.t0, t1: e.t1 };
  return out;
};

/** The awareness field under which Warroom keeps its presence state. */
export const PRESENCE_FIELD = 'warroom';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const text = (v: unknown, max: number): string | null => (typeof v === 'string' && v.length <= max ? v : null);

export const parsePresence = (awarenessState: unknown): PresenceState | null => {
  if (!isObject(awarenessState)) return null;
  const s = awarenessState[PRESENCE_FIELD];
  if (!isObject(s)) return null;
  const name = text(s.name, 80);
  const color = text(s.color, 32);
  const deviceId = text(s.deviceId, 128);
  const pane = text(s.pane, 32) ?? 'timeline';
  if (!name || !color || !deviceId || !/^#[0-9a-fA-F]{3,8}$/.test(color)) return null;
  if (!finite(s.lastActiveAt) || !finite(s.wallClock)) return null;
  const role = typeof s.role === 'string' && (ROLES as readonly string[]).includes(s.role) ? (s.role as Role) : null;
  const clockEcho = parseEcho(s.clockEcho);
  return { name, color, deviceId, role, pane, lastActiveAt: s.lastActiveAt, wallClock: s.wallClock, ...(clockEcho ? { clockEcho } : {}) };
};

/** Idle after this long without input, by the peer's own clock. */
export const IDLE_AFTER_MS = 5 * 60_000;
