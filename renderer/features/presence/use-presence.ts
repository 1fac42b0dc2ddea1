import { useEffect, useSyncExternalStore } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { PRESENCE_FIELD, parsePresence, type ClockEcho, type PresenceState } from '@shared/presence/presence-state';
import { ClockSkewEstimator } from '@shared/presence/clock-skew';
import type { Role } from '@shared/schema/types';
import { useAppStore } from '../../store/app-store';

/** How often we republish our wall clock, so peers can keep estimating skew. */
const CLOCK_REFRESH_MS = 5000;
/** Input is reported at most this often, to keep awareness traffic low. */
const ACTIVITY_THROTTLE_MS = 10_000;

/**
 * Per awareness: the last clock heard from each peer (by client id) and ours
 * when it arrived. Published back to them with our own clock, so each side
 * gets round trips (NTP-style) rather than one-way arrival times.
 */
const echoes = new WeakMap<Awareness, Map<number, ClockEcho>>();
const echoesOf = (awareness: Awareness): Map<number, ClockEcho> => {
  let m = echoes.get(awareness);
  if (!m) echoes.set(awareness, (m = new Map()));
  return m;
};

export interface Me {
  name: string;
  color: string;
  deviceId: string;
  role: Role | null;
  pane: string;
}

/** Publish who I am, where I am and my clock into awareness. */
export const usePublishPresence = (awareness: Awareness | null, me: Me): void => {
  useEffect(() => {
    if (!awareness) return;
    let lastActiveAt = Date.now();
    const publish = () => {
      const live = awareness.getStates();
      const clockEcho: Record<string, ClockEcho> = {};
      for (const [id, e] of echoesOf(awareness)) if (live.has(id)) clockEcho[String(id)] = e;
      awareness.setLocalStateField(PRESENCE_FIELD, { ...me, lastActiveAt, wallClock: Date.now(), clockEcho } satisfies PresenceState);
    };
    publish();
    const timer = setInterval(publish, CLOCK_REFRESH_MS);
    const onInput = () => {
      const now = Date.now();
      if (now - lastActiveAt < ACTIVITY_THROTTLE_MS) return;
      lastActiveAt = now;
      publish();
    };
    window.addEventListener('keydown', onInput, { passive: true });
    window.addEventListener('pointerdown', onInput, { passive: true });
    return () => {
      clearInterval(timer);
      window.removeEventListener('keydown', onInput);
      window.removeEventListener('pointerdown', onInput);
    };
  }, [awareness, me]);
};

export interface Peer {
  clientId: number;
  presence: PresenceState;
}

const peersOf = (awareness: Awareness): Peer[] => {
  const out: Peer[] = [];
  awareness.getStates().forEach((state, clientId) => {
    if (clientId === awareness.clientID) return;
    const presence = parsePresence(state);
    if (presence) out.push({ clientId, presence });
  });
  return out.sort((a, b) => a.presence.name.localeCompare(b.presence.name));
};

const ownDeviceOf = (awareness: Awareness): string | null => parsePresence(awareness.getLocalState())?.deviceId ?? null;

interface PeerStore {
  subscribe: (listener: () => void) => () => void;
  get: () => Peer[];
}

const EMPTY: Peer[] = [];
const NO_PEERS: PeerStore = { subscribe: () => () => undefined, get: () => EMPTY };
const peerStores = new WeakMap<Awareness, PeerStore>();

/** One snapshot store per awareness, for useSyncExternalStore. */
const peerStore = (awareness: Awareness): PeerStore => {
  const cached = peerStores.get(awareness);
  if (cached) return cached;
  let snapshot = peersOf(awareness);
  const store: PeerStore = {
    subscribe: (l) => {
      const onChange = () => {
        snapshot = peersOf(awareness);
        l();
      };
      awareness.on('change', onChange);
      return () => awareness.off('change', onChange);
    },
    get: () => snapshot,
  };
  peerStores.set(awareness, store);
  return store;
};

/**
 * The other people here, live. Also feeds each received clock into a skew
 * estimate and publishes the skewed devices to the store for the timeline.
 */
export const usePeers = (awareness: Awareness | null): Peer[] => {
  const setSkewed = useAppStore((s) => s.setSkewedDevices);
  const threshold = useAppStore((s) => s.skewThresholdMs);
  const store = awareness ? peerStore(awareness) : NO_PEERS;

  useEffect(() => {
    if (!awareness) return;
    const estimator = new ClockSkewEstimator();
    const onUpdate = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
      const receivedAt = Date.now();
      const heard = echoesOf(awareness);
      for (const id of removed) heard.delete(id);
      for (const id of [...added, ...updated]) {
        if (id === awareness.clientID) continue;
        const p = parsePresence(awareness.getStates().get(id));
        if (!p) continue;
        heard.set(id, { t0: p.wallClock, t1: receivedAt });
        // Another tab or window of this device reads the same clock: nothing to estimate.
        if (p.deviceId === ownDeviceOf(awareness)) continue;
        const echo = p.clockEcho?.[String(awareness.clientID)];
        // Their answer to a clock we sent; a repeated answer has a longer round trip, so it never wins.
        if (echo && echo.t0 <= receivedAt) estimator.addRoundTrip(p.deviceId, { t0: echo.t0, t1: echo.t1, t2: p.wallClock, t3: receivedAt });
      }
      if (removed.length > 0 || added.length > 0 || updated.length > 0) {
        setSkewed(Object.fromEntries(estimator.skewed(threshold)));
      }
    };
    awareness.on('update', onUpdate);
    return () => {
      awareness.off('update', onUpdate);
      setSkewed({});
    };
  }, [awareness, setSkewed, threshold]);

  return useSyncExternalStore(store.subscribe, store.get);
};
