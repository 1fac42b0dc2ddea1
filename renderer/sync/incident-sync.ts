import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import { relayDocName, relayToken } from '@shared/sync/share-keys';
import type { ShareRow, ShareWithdrawal } from '@shared/storage/shares';
import { preciseNow } from './peer-channel';
import type { RelaySession, RelayStats } from './relay-session';
import type { SyncSettings } from './sync-settings';
import type { SyncSnapshot } from './sync-status';
import type { WebrtcSession, WebrtcStats } from './webrtc-session';
import type * as Providers from './providers';

/** Loaded once, on the first shared incident (see providers.ts). */
let providers: Promise<typeof Providers> | null = null;
const loadProviders = () => (providers ??= import('./providers'));
import { everyoneSaw, findWithdrawal, SEEN_FIELD, WITHDRAWN_FIELD, type WithdrawalNotice } from './share-withdrawal';

export interface SyncStats {
  incidentId: string;
  paused: boolean;
  webrtc: WebrtcStats | null;
  relay: RelayStats | null;
  /** Epoch ms (sub-ms precision) of the last sync message or update received from a peer or the relay. */
  lastSyncedAt: number | null;
  /** Epoch ms (sub-ms precision) when the last remote update was applied to the doc; for latency benchmarks. */
  lastRemoteUpdateAt: number | null;
  remoteUpdates: number;
}

const POLL_MS = 1000;
/** How long a withdrawal waits for peers to answer, and a peer for the announcer to leave: a gone peer never answers. */
const WITHDRAWAL_WAIT_MS = 5000;

/** Resolves when `done()` holds, checked on every awareness change, or after `ms`. */
const awarenessUntil = (awareness: Awareness, done: () => boolean, ms: number): Promise<void> =>
  new Promise((resolve) => {
    const finish = () => {
      clearTimeout(timer);
      awareness.off('change', check);
      resolve();
    };
    const check = () => {
      if (done()) finish();
    };
    const timer = setTimeout(finish, ms);
    awareness.on('change', check);
    check();
  });

const sameEndpoints = (a: ShareRow, b: ShareRow) =>
  a.room === b.room && a.password === b.password && a.relays.join('\n') === b.relays.join('\n') && a.signaling.join('\n') === b.signaling.join('\n');

/**
 * The providers of one shared incident, all attached to the registry's Y.Doc:
 * remote updates land in the same doc, so DocPersistence stores them like local
 * edits (it skips only STORAGE_ORIGIN). Nothing here writes to the document.
 */
export class IncidentSync {
  private webrtc: WebrtcSession | null = null;
  private relay: RelaySession | null = null;
  private paused = false;
  private lastSyncedAt: number | null = null;
  private lastRemoteUpdateAt: number | null = null;
  private remoteUpdates = 0;
  private snap: SyncSnapshot;
  private listeners = new Set<() => void>();
  private poll: ReturnType<typeof setInterval>;
  private switching: Promise<void> = Promise.resolve();
  /** A peer told us this room's invite is withdrawn; we are on our way out. */
  private leaving = false;

  constructor(
    private readonly doc: Y.Doc,
    private readonly awareness: Awareness,
    private share: ShareRow,
    private readonly settings: SyncSettings,
    /** A peer announced that the invite of the room we are in was replaced or withdrawn (see share-withdrawal.ts). */
    private readonly onWithdrawn: (notice: WithdrawalNotice, leave: () => Promise<void>) => void = () => undefined,
  ) {
    this.snap = this.compute();
    awareness.on('change', this.onAwareness);
    doc.on('update', this.onDocUpdate);
    // A chunk that fails to load (a build replaced under a running window) leaves the incident unsynced, not the window broken.
    this.switching = this.startSessions().catch(() => undefined);
    this.poll = setInterval(this.refresh, POLL_MS);
    window.addEventListener('online', this.refresh);
    window.addEventListener('offline', this.refresh);
  }

  private onDocUpdate = (_update: Uint8Array, origin: unknown): void => {
    const fromPeer = (this.webrtc && origin === this.webrtc.provider.room) || (this.relay && origin === this.relay.provider);
    if (!fromPeer) return;
    this.remoteUpdates += 1;
    this.lastRemoteUpdateAt = preciseNow();
    this.lastSyncedAt = this.lastRemoteUpdateAt;
  };

  private onAwareness = (): void => {
    if (this.leaving) return;
    const found = findWithdrawal(this.awareness.getStates() as Map<number, Record<string, unknown>>, this.awareness.clientID, this.share.room);
    if (!found) return;
    this.leaving = true;
    this.awareness.setLocalStateField(SEEN_FIELD, this.share.room);
    // Leave once the announcer has (our answer must reach it first), or after a while.
    const leave = async () => {
      await awarenessUntil(this.awareness, () => !this.awareness.getStates().has(found.clientId), WITHDRAWAL_WAIT_MS);
      await this.destroy();
      this.awareness.setLocalStateField(SEEN_FIELD, null);
    };
    this.onWithdrawn(found.notice, leave);
  };

  /**
   * Tell everyone in this room that its invite is withdrawn, and wait until
   * each peer present now has answered (or a few seconds passed). The caller
   * then leaves the room: a new room for "New invite", none for "Stop sharing".
   */
  async announceWithdrawal(withdrawal: ShareWithdrawal): Promise<void> {
    const room = this.share.room;
    const waitingFor = [...this.awareness.getStates().keys()].filter((id) => id !== this.awareness.clientID);
    this.awareness.setLocalStateField(WITHDRAWN_FIELD, { ...withdrawal, room } satisfies WithdrawalNotice);
    await awarenessUntil(this.awareness, () => everyoneSaw(this.awareness.getStates() as Map<number, Record<string, unknown>>, waitingFor, room), WITHDRAWAL_WAIT_MS);
  }

  private onActivity = (kind: string): void => {
    if (kind === 'step2' || kind === 'update' || kind === 'sync') this.lastSyncedAt = preciseNow();
    this.refresh();
  };

  private async startSessions(): Promise<void> {
    const { WebrtcSession, RelaySession } = await loadProviders();
    const s = this.share;
    // Leaving a room clears our awareness state (y-webrtc's disconnect), and with it a withdrawal notice.
    if (this.awareness.getLocalState() === null) this.awareness.setLocalState({});
    else this.awareness.setLocalStateField(WITHDRAWN_FIELD, null);
    if (s.signaling.length > 0) {
      this.webrtc = new WebrtcSession(
        this.doc,
        this.awareness,
        { room: s.room, password: s.password, signaling: s.signaling, iceServers: this.settings.iceServers, resyncMs: this.settings.resyncMs },
        this.onActivity,
      );
    }
    if (s.relays.length > 0) {
      const endpoint = { urls: s.relays, docName: relayDocName(s), token: relayToken(s) };
      this.relay = new RelaySession(this.doc, this.awareness, endpoint, this.settings.resyncMs, () => {
        if (this.relay?.provider.synced) this.lastSyncedAt = preciseNow();
        this.refresh();
      });
    }
    if (this.paused) this.applyPaused();
    this.refresh();
  }

  private async stopSessions(): Promise<void> {
    const webrtc = this.webrtc;
    this.relay?.destroy();
    this.webrtc = null;
    this.relay = null;
    await webrtc?.destroy();
  }

  /** Apply changed endpoints (or a new room from another invite): restart the providers. */
  /** Which provider a transaction origin is: a peer's change over WebRTC, or the relay's. */
  sourceOf(origin: unknown): 'webrtc' | 'relay' | null {
    if (this.webrtc && origin === this.webrtc.provider.room) return 'webrtc';
    if (this.relay && origin === this.relay.provider) return 'relay';
    return null;
  }

  /** The share this session runs on, as last configured. */
  get shareRow(): ShareRow {
    return this.share;
  }

  reconfigure(share: ShareRow): Promise<void> {
    const changed = !sameEndpoints(this.share, share);
    this.share = share;
    if (!changed) return this.switching;
    this.switching = this.switching.then(async () => {
      await this.stopSessions();
      await this.startSessions();
    });
    return this.switching;
  }

  setPaused(paused: boolean): void {
    this.paused = paused;
    this.applyPaused();
    this.refresh();
  }

  private applyPaused(): void {
    this.webrtc?.setConnected(!this.paused);
    this.relay?.setConnected(!this.paused);
  }

  /** Ask every connected peer for what we lack, now. */
  resync(): void {
    this.webrtc?.resyncAll();
  }

  stats(): SyncStats {
    return {
      incidentId: this.share.incidentId,
      paused: this.paused,
      webrtc: this.webrtc?.stats() ?? null,
      relay: this.relay?.stats() ?? null,
      lastSyncedAt: this.lastSyncedAt,
      lastRemoteUpdateAt: this.lastRemoteUpdateAt,
      remoteUpdates: this.remoteUpdates,
    };
  }

  private compute(): SyncSnapshot {
    const w = this.webrtc?.stats() ?? null;
    const r = this.relay?.stats() ?? null;
    return {
      shared: true,
      paused: this.paused,
      online: navigator.onLine,
      signaling: w
        ? {
            total: w.signaling.length,
            connected: w.signaling.filter((c) => c.connected).length,
            failing: w.signaling.filter((c) => !c.connected && c.failedAttempts > 0).length,
          }
        : null,
      peers: w?.connectedPeers ?? 0,
      cannotReceive: w?.peers.filter((p) => p.connected && p.undeliverable > 0).length ?? 0,
      relay: r?.status ?? null,
      relaySynced: r?.synced ?? false,
      lastSyncedAt: this.lastSyncedAt === null ? null : Math.floor(this.lastSyncedAt / 1000) * 1000,
    };
  }

  private refresh = (): void => {
    const next = this.compute();
    const prev = this.snap;
    const same = (Object.keys(next) as (keyof SyncSnapshot)[]).every((k) => JSON.stringify(next[k]) === JSON.stringify(prev[k]));
    if (same) return;
    this.snap = next;
    for (const l of this.listeners) l();
  };

  /** Stable between changes, for useSyncExternalStore. */
  snapshot(): SyncSnapshot {
    return this.snap;
  }

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  async destroy(): Promise<void> {
    clearInterval(this.poll);
    this.awareness.off('change', this.onAwareness);
    window.removeEventListener('online', this.refresh);
    window.removeEventListener('offline', this.refresh);
    this.doc.off('update', this.onDocUpdate);
    await this.switching;
    await this.stopSessions();
  }
}
