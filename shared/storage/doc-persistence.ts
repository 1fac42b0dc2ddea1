import Dexie from 'dexie';
import * as Y from 'yjs';
import { RECOVERY_ORIGIN, STORAGE_ORIGIN } from '../core/origins';
import type { DocUpdateRow, WarroomDb } from './database';
import { indexRowFromDoc } from './incident-index';
import { TimelineWordsIndex } from './timeline-words';
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
  /**
   * Where updates not yet on disk are also kept (the window's localStorage),
   * so a crash or a reload while the disk is full does not lose them; they
   * are applied again on the next open.
   */
  backup?: UnsavedBackup;
}

/** A second, small store for updates IndexedDB has not taken yet. Best effort: it may itself be full. */
export interface UnsavedBackup {
  save(incidentId: string, updates: Uint8Array[]): void;
  load(incidentId: string): Uint8Array[];
  clear(incidentId: string): void;
}

/** What loading found that it could not use. */
export interface LoadReport {
  /** Stored rows that could not be read: moved to the quarantine table, the rest loaded. */
  quarantined: number;
  /** Updates recovered from the backup of a session that ended before they were on disk. */
  recovered: number;
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
  private readonly opts: Required<Omit<PersistenceOptions, 'backup'>> & Pick<PersistenceOptions, 'backup'>;
  loadReport: LoadReport = { quarantined: 0, recovered: 0 };
  /** The list row's words, from the timeline's deltas (scanned once, at the first save). */
  private readonly words: TimelineWordsIndex;

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
      backup: opts.backup,
    };
    this.words = new TimelineWordsIndex(doc);
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
      p.words.destroy();
      throw e;
    }
    return p;
  }

  private range() {
    return this.db.docUpdates.where('[incidentId+seq]').between([this.doc.guid, Dexie.minKey], [this.doc.guid, Dexie.maxKey]);
  }

  /**
   * Apply every stored row, one by one: a row that cannot be read (a damaged
   * disk, a bug) is moved to the quarantine table with the reason, and the
   * rest still loads. Then updates left in the backup by a session that ended
   * before they reached the disk are applied again (they are CRDT updates:
   * applying one twice changes nothing) and queued for writing.
   */
  private async load(): Promise<void> {
    let rows: DocUpdateRow[];
    try {
      rows = await this.range().toArray();
    } catch (e) {
      throw toStorageError(e);
    }
    const bad: { seq: number; update: Uint8Array; reason: string }[] = [];
    // Our 'update' listener is off for this one synchronous transaction (nothing
    // else can run inside it, so no edit can slip past): it skips storage-origin
    // updates anyway, and while a document has an 'update' listener Yjs encodes
    // every transaction as an update to emit it. For the load that was the whole
    // incident encoded again right after decoding it (~100 ms at 10,000 entries).
    this.doc.off('update', this.onUpdate);
    try {
      this.applyRows(rows, bad);
    } finally {
      this.doc.on('update', this.onUpdate);
    }
    await this.afterLoad(rows, bad);
  }

  private applyRows(rows: DocUpdateRow[], bad: { seq: number; update: Uint8Array; reason: string }[]): void {
    this.doc.transact(() => {
      for (const row of rows) {
        try {
          if (!(row.update instanceof Uint8Array)) throw new Error('the stored value is not a Yjs update');
          Y.applyUpdate(this.doc, row.update, STORAGE_ORIGIN);
        } catch (e) {
          bad.push({ seq: row.seq!, update: row.update instanceof Uint8Array ? row.update : new Uint8Array(), reason: e instanceof Error ? e.message : String(e) });
        }
      }
    }, STORAGE_ORIGIN);
  }

  private async afterLoad(rows: DocUpdateRow[], bad: { seq: number; update: Uint8Array; reason: string }[]): Promise<void> {
    this.rowsOnDisk = rows.length - bad.length;
    if (bad.length > 0) {
      try {
        await this.db.transaction('rw', this.db.docUpdates, this.db.quarantine, async () => {
          for (const b of bad) {
            await this.db.quarantine.add({ incidentId: this.doc.guid, update: b.update, reason: b.reason, at: this.opts.now() });
            await this.db.docUpdates.delete(b.seq);
          }
        });
      } catch {
        // Could not move them (a full disk?): they stay where they are and are skipped again next time.
      }
      this.loadReport.quarantined = bad.length;
    }
    const backedUp = this.opts.backup?.load(this.doc.guid) ?? [];
    for (const u of backedUp) {
      try {
        Y.applyUpdate(this.doc, u, RECOVERY_ORIGIN);
        this.loadReport.recovered += 1;
      } catch {
        // A damaged backup entry: nothing to recover from it.
      }
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
        this.opts.backup?.save(this.doc.guid, this.queue);
        this.fail(toStorageError(e));
        return;
      }
      this.attempt = 0;
      this.committed = upTo;
      if (this.queue.length === 0) this.opts.backup?.clear(this.doc.guid);
      this.settleWaiters();
      if (this.rowsOnDisk >= this.opts.compactAfterRows) await this.compact().catch(() => undefined);
    }
    this.setState({ kind: 'saved', at: this.opts.now() });
  }

  private async write(batch: Uint8Array[]): Promise<void> {
    const update = batch.length === 1 ? batch[0]! : Y.mergeUpdates(batch);
    const row = indexRowFromDoc(this.doc, this.opts.now(), () => this.words.text());
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
      // After repeated failures the connection itself may be stuck (a disk that filled up and was freed
      // kept failing on the same connection): open the database afresh before trying again.
      if (this.attempt >= 2) void this.reopen().finally(() => this.kick());
      else this.kick();
    }, delay);
  }

  private async reopen(): Promise<void> {
    try {
      this.db.close({ disableAutoOpen: false });
      await this.db.open();
    } catch {
      // The next write reports what is wrong.
    }
  }

  /**
   * Write everything this document holds as one new row (and its list row),
   * whatever is already on disk: after the database was deleted or emptied
   * from elsewhere, the copy in memory becomes the stored copy again.
   */
  async rewriteAll(): Promise<void> {
    this.queue.unshift(Y.encodeStateAsUpdate(this.doc));
    this.enqueued += 1;
    this.rowsOnDisk = 0;
    if (this.state.kind !== 'error') this.setState({ kind: 'saving' });
    this.kick();
    await this.whenSaved();
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
      this.words.destroy();
      if (this.retryTimer) clearTimeout(this.retryTimer);
    }
  }
}
