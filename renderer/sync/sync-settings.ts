import { isWebSocketUrl, parseUrlList } from '@shared/sync/ws-url';

/**
 * Device-level sync settings: where to find peers when this device creates an
 * invite, and which STUN/TURN servers WebRTC may use. Never synced.
 *
 * Sources, first match wins:
 * 1. the page address: `?signal=ws://host:4444` (repeatable or comma-separated),
 *    `?relay=ws://host:1234` (repeatable or comma-separated: the nodes of
 *    one relay), `?ice=stun:host:3478` (how a browser on the LAN,
 *    and the tests, are pointed at a server);
 * 2. what was saved from the share dialog (localStorage);
 * 3. the host that served this page, on the page's port (the desktop LAN host
 *    serves the web build and signaling on one port) and on 4444 (`npm run
 *    signal`); localhost:4444 inside the desktop app, whose LAN host's own
 *    addresses are used when it is hosting (see SyncManager.share).
 * ICE servers default to none: on a LAN, host candidates are all WebRTC needs,
 * and an air-gapped war room has no STUN server to ask.
 */
export interface SyncSettings {
  /** The signaling list came from the page address (?signal=): an explicit choice that wins. */
  fromAddress: boolean;
  signaling: string[];
  /** Relay nodes for new invites; empty for none. */
  relays: string[];
  iceServers: RTCIceServer[];
  /** How often connected peers re-exchange state vectors (guard against lost updates). */
  resyncMs: number;
}

export const STORAGE_KEY = 'warroom.sync-settings';
export const DEFAULT_RESYNC_MS = 15_000;

interface StoredSettings {
  signaling?: unknown;
  relays?: unknown;
  /** Saved before several relays were allowed. */
  relay?: unknown;
  iceServers?: unknown;
}

const urlsFrom = (values: string[]): string[] => parseUrlList(values.join('\n')).urls;

const iceServersFrom = (v: unknown): RTCIceServer[] | null => {
  if (!Array.isArray(v)) return null;
  const ok = v.filter(
    (s): s is RTCIceServer =>
      typeof s === 'object' && s !== null && (typeof (s as RTCIceServer).urls === 'string' || Array.isArray((s as RTCIceServer).urls)),
  );
  return ok;
};

export const fallbackSignaling = (page: { protocol: string; hostname: string; port?: string }): string[] => {
  if (page.protocol !== 'http:' && page.protocol !== 'https:') return ['ws://localhost:4444'];
  const scheme = page.protocol === 'https:' ? 'wss' : 'ws';
  const host = page.hostname.includes(':') ? `[${page.hostname}]` : page.hostname;
  // The desktop LAN host serves the web build and signaling on one port; `npm run signal` listens on 4444.
  const candidates = [...(page.port ? [`${scheme}://${host}:${page.port}`] : []), `${scheme}://${host}:4444`];
  const ok = [...new Set(candidates)].filter(isWebSocketUrl);
  return ok.length > 0 ? ok : ['ws://localhost:4444'];
};

/** Pure: resolve the settings from the page address, the stored JSON and the page origin. */
export const resolveSyncSettings = (
  search: string,
  stored: string | null,
  page: { protocol: string; hostname: string; port?: string },
): SyncSettings => {
  const params = new URLSearchParams(search);
  let saved: StoredSettings = {};
  try {
    const parsed: unknown = stored ? JSON.parse(stored) : {};
    if (parsed && typeof parsed === 'object') saved = parsed as StoredSettings;
  } catch {
    // A damaged setting falls back to the defaults rather than breaking sync.
  }
  const fromQuery = urlsFrom(params.getAll('signal'));
  const fromStore = Array.isArray(saved.signaling) ? urlsFrom(saved.signaling.filter((s): s is string => typeof s === 'string')) : [];
  const relayQuery = urlsFrom(params.getAll('relay'));
  const relayStore = Array.isArray(saved.relays)
    ? urlsFrom(saved.relays.filter((s): s is string => typeof s === 'string'))
    : typeof saved.relay === 'string' && isWebSocketUrl(saved.relay)
      ? [saved.relay]
      : [];
  const iceQuery = params.getAll('ice').flatMap((s) => s.split(',')).filter((s) => /^(stun|turns?):/.test(s));
  return {
    fromAddress: fromQuery.length > 0,
    signaling: fromQuery.length > 0 ? fromQuery : Array.isArray(saved.signaling) ? fromStore : fallbackSignaling(page),
    relays: relayQuery.length > 0 ? relayQuery : relayStore,
    iceServers: iceQuery.length > 0 ? iceQuery.map((urls) => ({ urls })) : (iceServersFrom(saved.iceServers) ?? []),
    resyncMs: DEFAULT_RESYNC_MS,
  };
};

const storage = (): Storage | null => {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
};

export const loadSyncSettings = (): SyncSettings =>
  resolveSyncSettings(window.location.search, storage()?.getItem(STORAGE_KEY) ?? null, window.location);

/** Remember endpoints typed into the share dialog as this device's default for new invites. */
export const saveDefaultEndpoints = (signaling: string[], relays: string[]): void => {
  const s = storage();
  if (!s) return;
  let current: StoredSettings = {};
  try {
    current = JSON.parse(s.getItem(STORAGE_KEY) ?? '{}') as StoredSettings;
  } catch {
    current = {};
  }
  const { relay: _legacy, ...rest } = current;
  s.setItem(STORAGE_KEY, JSON.stringify({ ...rest, signaling, relays }));
};
