import { Awareness } from 'y-protocols/awareness';
import { parseInvite, type Invite } from '@shared/sync/invite';
import { readMeta } from '@shared/schema/read-model';
import type { WarroomDb } from '@shared/storage/database';
import {
  createShare,
  deleteShare,
  getShare,
  markShareWithdrawn,
  rotateShare,
  saveJoinedShare,
  updateShareEndpoints,
  type Endpoints,
  type ShareRow,
} from '@shared/storage/shares';
import type { IncidentHandle, IncidentRegistry } from '../data/incident-registry';
import { IncidentSync, type SyncStats } from './incident-sync';
import { saveDefaultEndpoints, type SyncSettings } from './sync-settings';
import type { SyncSnapshot } from './sync-status';
import type { WithdrawalNotice } from './share-withdrawal';

const NOT_SHARED: SyncSnapshot = Object.freeze({
  shared: false,
  paused: false,
  online: true,
  signaling: null,
  peers: 0,
  relay: null,
  relaySynced: false,
  lastSyncedAt: null,
}) as SyncSnapshot;

/**
 * One sync session per open, shared incident, for the whole window (y-webrtc
 * allows one provider per room per page, so React components never own one).
 * A shared incident starts syncing when the registry opens it; the share row
 * in Dexie makes that happen again after a restart.
 */
export class SyncManager {
  private syncs = new Map<string, IncidentSync>();
  private handles = new Map<string, IncidentHandle>();
  private awarenesses = new Map<string, Awareness>();
  private listeners = new Set<() => void>();
  private pausedIds = new Set<string>();

  constructor(
    private readonly db: WarroomDb,
    private readonly registry: IncidentRegistry,
    readonly settings: SyncSettings,
    /** Signaling addresses of the desktop app's LAN host while it is hosting; [] otherwise. */
    private readonly lanSignaling: () => Promise<string[]> = async () => [],
  ) {
    registry.onOpened((h) => void this.attach(h));
  }

  private async attach(handle: IncidentHandle): Promise<void> {
    this.handles.set(handle.id, handle);
    const share = await getShare(this.db, handle.id);
    // A withdrawn invite's room is left for good; a new invite (Join) replaces the share.
    if (share && !share.withdrawn) this.ensure(handle, share);
  }

  private ensure(handle: IncidentHandle, share: ShareRow): IncidentSync {
    this.handles.set(handle.id, handle);
    let sync = this.syncs.get(handle.id);
    if (sync) {
      void sync.reconfigure(share);
    } else {
      sync = new IncidentSync(handle.doc, this.awarenessOf(handle), share, this.settings, (notice, leave) =>
        void this.withdrawnByPeer(handle.id, notice, leave),
      );
      if (this.pausedIds.has(handle.id)) sync.setPaused(true);
      sync.subscribe(() => this.notify());
      this.syncs.set(handle.id, sync);
      this.notify();
    }
    return sync;
  }

  /** Where a transaction origin came from, in words, for telling people who changed something. */
  describeOrigin(incidentId: string, origin: unknown): string {
    const sync = this.syncs.get(incidentId);
    const source = sync?.sourceOf(origin) ?? null;
    if (source === 'webrtc') return 'a peer over WebRTC';
    if (source === 'relay') return 'the relay';
    return 'outside this window';
  }

  /** The shares of every incident syncing in this window, as they are now (to write back if the database is lost). */
  shareRows(): ShareRow[] {
    return [...this.syncs.values()].map((s) => s.shareRow);
  }

  /** The incident's awareness (presence), shared by every provider; exists whether or not it is shared. */
  awarenessOf(handle: IncidentHandle): Awareness {
    let a = this.awarenesses.get(handle.id);
    if (!a) {
      a = new Awareness(handle.doc);
      this.awarenesses.set(handle.id, a);
    }
    return a;
  }

  /** Share an incident (first time: make its secret) and start syncing it. */
  async share(incidentId: string): Promise<ShareRow> {
    const handle = await this.registry.open(incidentId);
    const lan = this.settings.fromAddress ? [] : await this.lanSignaling().catch(() => []);
    const row = await createShare(this.db, {
      incidentId,
      title: readMeta(handle.doc)?.title ?? '',
      endpoints: { signaling: lan.length > 0 ? lan : this.settings.signaling, relays: this.settings.relays },
      now: Date.now(),
    });
    this.ensure(handle, row);
    return row;
  }

  /** Join with an invite: remember its room, open the (possibly empty) incident and sync it. */
  async join(inviteText: string): Promise<Invite> {
    const invite = parseInvite(inviteText);
    const row = await saveJoinedShare(this.db, invite, Date.now());
    const handle = await this.registry.open(invite.incidentId);
    this.ensure(handle, row);
    return invite;
  }

  async setEndpoints(incidentId: string, endpoints: Endpoints): Promise<ShareRow> {
    const row = await updateShareEndpoints(this.db, incidentId, endpoints);
    saveDefaultEndpoints(row.signaling, row.relays);
    this.settings.signaling = row.signaling;
    this.settings.relays = row.relays;
    await this.syncs.get(incidentId)?.reconfigure(row);
    return row;
  }

  /** A peer withdrew the invite of the room we are in: remember it (so a restart does not rejoin), then leave. */
  private async withdrawnByPeer(incidentId: string, notice: WithdrawalNotice, leave: () => Promise<void>): Promise<void> {
    try {
      await markShareWithdrawn(this.db, incidentId, notice.room, { kind: notice.kind, by: notice.by, at: notice.at });
    } finally {
      // Out of the room even if the disk refused the note: the room is what makes the old invite work.
      await leave();
      this.syncs.delete(incidentId);
      this.notify();
    }
  }

  /**
   * "New invite": tell the room its invite is replaced, then move this device
   * to a fresh room with a new secret. The old invite stops working for new
   * joins once the peers in it have left (they do when told).
   */
  async newInvite(incidentId: string, by: string): Promise<ShareRow> {
    await this.syncs.get(incidentId)?.announceWithdrawal({ kind: 'new-invite', by, at: Date.now() });
    const row = await rotateShare(this.db, incidentId, Date.now());
    const handle = this.handles.get(incidentId) ?? (await this.registry.open(incidentId));
    await this.ensure(handle, row).reconfigure(row);
    return row;
  }

  /** "Stop sharing": as the host, tell the room the invite is withdrawn; then leave it and forget the share. */
  async stopSharing(incidentId: string, by: string): Promise<void> {
    const share = await getShare(this.db, incidentId);
    // A guest leaving says nothing: the host's invite still holds for everyone else.
    if (share?.role === 'host') await this.syncs.get(incidentId)?.announceWithdrawal({ kind: 'stopped', by, at: Date.now() });
    await this.leave(incidentId);
    await deleteShare(this.db, incidentId);
  }

  /** Stop syncing an incident on this device: its providers and its presence go. Used when it is deleted. */
  async forget(incidentId: string): Promise<void> {
    await this.leave(incidentId);
    this.awarenesses.get(incidentId)?.destroy();
    this.awarenesses.delete(incidentId);
    this.handles.delete(incidentId);
    this.pausedIds.delete(incidentId);
  }

  private async leave(incidentId: string): Promise<void> {
    const sync = this.syncs.get(incidentId);
    this.syncs.delete(incidentId);
    await sync?.destroy();
    this.notify();
  }

  /** Go offline for one incident (edits keep being saved locally), or reconnect. */
  setPaused(incidentId: string, paused: boolean): void {
    if (paused) this.pausedIds.add(incidentId);
    else this.pausedIds.delete(incidentId);
    this.syncs.get(incidentId)?.setPaused(paused);
    this.notify();
  }

  snapshot(incidentId: string): SyncSnapshot {
    return this.syncs.get(incidentId)?.snapshot() ?? NOT_SHARED;
  }

  stats(incidentId: string): SyncStats | null {
    return this.syncs.get(incidentId)?.stats() ?? null;
  }

  resync(incidentId: string): void {
    this.syncs.get(incidentId)?.resync();
  }

  handleOf(incidentId: string): IncidentHandle | undefined {
    return this.handles.get(incidentId);
  }

  ids(): string[] {
    return [...this.syncs.keys()];
  }

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  private notify(): void {
    for (const l of this.listeners) l();
  }
}
