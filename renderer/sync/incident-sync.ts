import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import { relayDocName, relayToken } from '@shared/sync/share-keys';
import type { ShareRow } from '@shared/storage/shares';
import { preciseNow } from './peer-channel';
import { RelaySession, type RelayStats } from './relay-session';
import type { SyncSettings } from './sync-settings';
import type { SyncSnapshot } from './sync-status';
import { WebrtcSession, type WebrtcStats } from './webrtc-session';

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

  constructor(
    private readonly doc: Y.Doc,
    private readonly awareness: Awareness,
    private share: ShareRow,
    private readonly settings: SyncSettings,
  ) {
    this.snap = this.compute();
    doc.on('update', this.onDocUpdate);
    this.startSessions();
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

  private onActivity = (kind: string): void => {
    if (kind === 'step2' || kind === 'update' || kind === 'sync') this.lastSyncedAt = preciseNow();
    this.refresh();
  };

  private startSessions(): void {
    const s = this.share;
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
      this.startSessions();
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
    window.removeEventListener('online', this.refresh);
    window.removeEventListener('offline', this.refresh);
    this.doc.off('update', this.onDocUpdate);
    await this.switching;
    await this.stopSessions();
  }
}
