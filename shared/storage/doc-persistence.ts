import Dexie from 'dexie';
import * as Y from 'yjs';
import { STORAGE_ORIGIN } from '../core/origins';
import type { WarroomDb } from './database';
import { indexRowFromDoc } from './incident-index';
import { toStorageError, type StorageError } from './storage-error';

export type SaveState = { kind: 'saved'; at: number | null } | { kind: 'saving' } | { kind: 'error'; error: StorageError };

export interface PersistenceOptions {
  /** Fold the update log into one snapshot once it has this many rows. */
  compactAfterRows?: number;
  now?: () => number;
  /** Delay before retrying a failed write, by attempt; capped by the last value. */
  retryDelaysMs?: number[];
  /**
   * Runs the write loop later (default: the next task). A window passes one
   * that waits for the next frame, so the write does not hold up the frame
   * that shows the change it saves.
   */
  defer?: (run: () => void) => void;
}

interface Waiter {
  target: number;
  resolve: () => void;
  reject: (e: StorageError) => void;
}

/**
 * Keeps one incident document in IndexedDB as an append-only log of Yjs updates.
 *
 * - Every update not loaded from storage (local edits, peers, imports) is queued,
 *   and the queue is written in one transaction per batch, together with the
 *   incident-list row, so the list never disagrees with the document on disk.
 * - `whenSaved()` resolves only once every update queued before the call is
 *   committed; the UI says "saved" only then.
 * - A failed write keeps its updates queued, reports the error and retries; an
 *   update is dropped from memory only after its transaction committed.
 * - Compaction merges only rows already on disk, inside one transaction, so an
 *   update that has not been written can never be lost by it.
 */
export class DocPersistence {
  private queue: Uint8Array[] = [];
  private enqueued = 0;
  private committed = 0;
  private loop: Promise<void> | null = null;
  private waiters: Waiter[] = [];
  private listeners = new Set<(s: SaveState) => void>();
  private state: SaveState = { kind: 'saved', at: null };
  private retryTimer: unknown = null;
  private attempt = 0;
  private rowsOnDisk = 0;
  private destroyed = false;
  private readonly opts: Required<PersistenceOptions>;

  private constructor(
    private readonly db: WarroomDb,
    readonly doc: Y.Doc,
    opts: PersistenceOptions,
  ) {
    this.opts = {
      compactAfterRows: opts.compactAfterRows ?? 300,
      now: opts.now ?? Date.now,
      retryDelaysMs: opts.retryDelaysMs ?? [500, 1000, 2000, 5000, 10000],
      defer: opts.defer ?? ((run) => setTimeout(run, 0)),
    };
  }

  /** Load the stored document into `doc`, then persist every later update. */
  static async open(db: WarroomDb, doc: Y.Doc, opts: PersistenceOptions = {}): Promise<DocPersistence> {
    const p = new DocPersistence(db, doc, opts);
    // Listen before loading: an update made (or received from a peer) while the
    // stored rows are read must be written too. Storage-origin updates are skipped.
    doc.on('update', p.onUpdate);
    try {
      await p.load();
    } catch (e) {
      doc.off('update', p.onUpdate);
      throw e;
    }
    return p;
  }

  private range() {
    return this.db.docUpdates.where('[incidentId+seq]').between([this.doc.guid, Dexie.minKey], [this.doc.guid, Dexie.maxKey]);
  }

  private async load(): Promise<void> {
    try {
      const rows = await this.range().toArray();
      this.rowsOnDisk = rows.length;
      if (rows.length > 0) Y.applyUpdate(this.doc, Y.mergeUpdates(rows.map((r) => r.update)), STORAGE_ORIGIN);
    } catch (e) {
      throw toStorageError(e);
    }
  }

  private onUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === STORAGE_ORIGIN || this.destroyed) return;
    this.queue.push(update);
    this.enqueued += 1;
    // An error stays on screen until a write succeeds; new edits do not hide it.
    if (this.state.kind !== 'error') this.setState({ kind: 'saving' });
    this.kick();
  };

  private kick(): void {
    if (this.loop || this.retryTimer) return;
    // A Yjs update can fire inside someone else's Dexie transaction. Drain outside
    // it: joining it would count as committed a write that the caller's
    // transaction can still abort, and would tie our promises to its zone.
    this.loop = Dexie.ignoreTransaction(() => this.drain()).finally(() => {
      this.loop = null;
      // Updates that arrived while the last write was committing.
      if (this.queue.length > 0 && !this.retryTimer && this.state.kind !== 'error') this.kick();
    });
  }

  private async drain(): Promise<void> {
    // Yield (see PersistenceOptions.defer): a burst of updates (a remote sync)
    // becomes one write, and the IndexedDB work does not run between a change
    // and the frame that shows it.
    await new Promise<void>((resolve) => this.opts.defer(resolve));
    while (this.queue.length > 0) {
      const batch = this.queue;
      const upTo = this.enqueued;
      this.queue = [];
      try {
        await this.write(batch);
      } catch (e) {
        this.queue = batch.concat(this.queue);
        this.fail(toStorageError(e));
        return;
      }
      this.attempt = 0;
      this.committed = upTo;
      this.settleWaiters();
      if (this.rowsOnDisk >= this.opts.compactAfterRows) await this.compact().catch(() => undefined);
    }
    this.setState({ kind: 'saved', at: this.opts.now() });
  }

  private async write(batch: Uint8Array[]): Promise<void> {
    const update = batch.length === 1 ? batch[0]! : Y.mergeUpdates(batch);
    const row = indexRowFromDoc(this.doc, this.opts.now());
    await this.db.transaction('rw', this.db.docUpdates, this.db.incidents, async () => {
      await this.db.docUpdates.add({ incidentId: this.doc.guid, update });
      if (row) await this.db.incidents.put(row);
    });
    this.rowsOnDisk += 1;
  }

  private fail(error: StorageError): void {
    this.setState({ kind: 'error', error });
    for (const w of this.waiters.splice(0)) w.reject(error);
    if (this.destroyed) return;
    const delays = this.opts.retryDelaysMs;
    const delay = delays[Math.min(this.attempt, delays.length - 1)]!;
    this.attempt += 1;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.kick();
    }, delay);
  }

  /** Retry now (e.g. after the user freed space), instead of waiting for the back-off. */
  retryNow(): Promise<void> {
    if (this.retryTimer) {
      clearTimeout(this.retryTimer);
      this.retryTimer = null;
    }
    if (this.queue.length > 0) this.kick();
    return this.whenSaved();
  }

  private settleWaiters(): void {
    const still: Waiter[] = [];
    for (const w of this.waiters) {
      if (w.target <= this.committed) w.resolve();
      else still.push(w);
    }
    this.waiters = still;
  }

  /** Resolves when every update made before this call is committed to IndexedDB. */
  whenSaved(): Promise<void> {
    const target = this.enqueued;
    if (target <= this.committed) return Promise.resolve();
    if (this.state.kind === 'error' && !this.loop) return Promise.reject(this.state.error);
    return new Promise((resolve, reject) => this.waiters.push({ target, resolve, reject }));
  }

  /** Fold every stored row into one. Only rows already on disk are touched. */
  async compact(): Promise<void> {
    await this.db.transaction('rw', this.db.docUpdates, async () => {
      const rows = await this.range().toArray();
      if (rows.length < 2) return;
      const merged = Y.mergeUpdates(rows.map((r) => r.update));
      await this.db.docUpdates.bulkDelete(rows.map((r) => r.seq!));
      await this.db.docUpdates.add({ incidentId: this.doc.guid, update: merged });
    });
    this.rowsOnDisk = 1;
  }

  get saveState(): SaveState {
    return this.state;
  }

  get unsavedCount(): number {
    return this.enqueued - this.committed;
  }

  onSaveState(fn: (s: SaveState) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private setState(s: SaveState): void {
    if (this.state.kind === s.kind && s.kind !== 'saved') return;
    this.state = s;
    for (const l of this.listeners) l(s);
  }

  /** Stop listening; resolves once what was queued is written. */
  async destroy(): Promise<void> {
    this.doc.off('update', this.onUpdate);
    try {
      await this.whenSaved();
    } finally {
      this.destroyed = true;
      if (this.retryTimer) clearTimeout(this.retryTimer);
    }
  }
}
