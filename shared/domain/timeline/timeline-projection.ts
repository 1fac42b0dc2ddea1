import * as Y from 'yjs';
import { timelineOf } from '../../schema/incident-doc';
import { parseEntry } from '../../schema/read-model';
import { itemWriter } from '../../schema/records/timeline';
import { writerOf } from '../../schema/records/fields';
import type { SetAside } from '../../schema/records/record-type';
import type { TimelineEntry } from '../../schema/types';
import { compareEntries, sortEntries } from '../../schema/records/timeline-order';

/** Where `e` goes in `sorted` (compareEntries order); `exact` when an entry comparing equal is there. */
const lowerBound = (sorted: readonly TimelineEntry[], e: TimelineEntry): { at: number; exact: boolean } => {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareEntries(sorted[mid]!, e) < 0) lo = mid + 1;
    else hi = mid;
  }
  return { at: lo, exact: lo < sorted.length && compareEntries(sorted[lo]!, e) === 0 };
};

/**
 * The sorted plain-data timeline, kept incrementally: an entry is re-read only
 * when its own map changed, so a 10k-entry incident does not re-parse every
 * entry on each keystroke of a peer. Entries keep their object identity while
 * unchanged, which lets list rows skip re-rendering.
 *
 * The sorted array is patched, not rebuilt: an added or changed entry is put
 * in place by binary search and a removed one taken out, on a copy (readers
 * hold the previous array). Typing one entry into a 10,000-entry timeline is
 * then one parse and a copy of an array of references, instead of a walk of
 * every map and a sort of 10,000 entries. Anything unusual (a record set aside,
 * garbage in the array, two entries that compare equal) falls back to the full
 * projection, which stays the definition of the order.
 */
export class TimelineProjection {
  private cache = new Map<Y.Map<unknown>, TimelineEntry | SetAside>();
  private sorted: TimelineEntry[] | null = null;
  private aside: SetAside[] | null = null;
  private readonly array: Y.Array<Y.Map<unknown>>;
  /** Changes since `sorted` was last brought up to date: entries to take out, maps to (re)read and put in. */
  private removed: TimelineEntry[] = [];
  private touched = new Set<Y.Map<unknown>>();
  private needFull = false;

  constructor(doc: Y.Doc) {
    this.array = timelineOf(doc);
    this.array.observeDeep(this.onChange);
  }

  private onChange = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>): void => {
    for (const event of events) {
      if (event.target === this.array) {
        const gone: TimelineEntry[] = [];
        for (const item of event.changes.deleted) {
          for (const c of item.content.getContent()) {
            if (!(c instanceof Y.Map)) {
              this.needFull = true;
              continue;
            }
            const known = this.cache.get(c);
            if (known && !('record' in known)) gone.push(known);
            this.forget(c, known);
            this.touched.delete(c);
          }
        }
        if (gone.length > 0) for (const l of this.deletedListeners) l(gone, event.transaction);
        for (const item of event.changes.added) {
          for (const c of item.content.getContent()) {
            if (!(c instanceof Y.Map)) this.needFull = true;
            // Watched: read new entries now, so that one deleted before anyone looked can still be restored.
            else {
              if (this.deletedListeners.size > 0) this.keep(c);
              this.touched.add(c);
            }
          }
        }
        continue;
      }
      // A change inside an entry (its map, or its edits array): find the entry map.
      let node: Y.AbstractType<unknown> | null = event.target;
      while (node && node.parent !== this.array) node = node.parent as Y.AbstractType<unknown> | null;
      if (node instanceof Y.Map) {
        this.forget(node, this.cache.get(node));
        if (this.deletedListeners.size > 0 && !node._item?.deleted) this.keep(node);
        this.touched.add(node);
      }
    }
  };

  /** `m` no longer reads as `known`: its old entry leaves the sorted array (or, set aside, the list of those). */
  private forget(m: Y.Map<unknown>, known: TimelineEntry | SetAside | undefined): void {
    this.cache.delete(m);
    if (known === undefined) return;
    if ('record' in known) this.needFull = true;
    else this.removed.push(known);
  }

  /** Bring `sorted` up to date with the changes since, by patching it; false when only a full projection will do. */
  private patch(): boolean {
    if (this.needFull || !this.sorted || !this.aside) return false;
    if (this.removed.length === 0 && this.touched.size === 0) return true;
    const next = this.sorted.slice();
    for (const old of this.removed) {
      const { at, exact } = lowerBound(next, old);
      if (!exact || next[at] !== old) return false;
      next.splice(at, 1);
    }
    for (const m of this.touched) {
      if (m._item?.deleted) continue;
      let e = this.cache.get(m);
      if (e === undefined) {
        const r = parseEntry(m);
        if (!('entry' in r)) return false;
        e = r.entry;
        this.cache.set(m, e);
      }
      if ('record' in e) return false;
      const { at, exact } = lowerBound(next, e);
      if (exact) return false;
      next.splice(at, 0, e);
    }
    this.sorted = next;
    this.removed = [];
    this.touched.clear();
    return true;
  }

  private keep(m: Y.Map<unknown>): void {
    const r = parseEntry(m);
    if ('entry' in r) this.cache.set(m, r.entry);
    else this.cache.delete(m);
  }

  private project(): void {
    const out: TimelineEntry[] = [];
    const aside: SetAside[] = [];
    let index = 0;
    for (const m of this.array) {
      let e = this.cache.get(m);
      if (e === undefined) {
        const r = parseEntry(m);
        e = 'entry' in r ? r.entry : { record: 'timeline', id: r.id, reason: r.reason, client: writerOf(m) ?? itemWriter(this.array, index) };
        if (m instanceof Y.Map) this.cache.set(m, e);
      }
      if ('record' in e) aside.push(e);
      else out.push(e);
      index += 1;
    }
    this.sorted = sortEntries(out);
    this.aside = aside;
    this.removed = [];
    this.touched.clear();
    this.needFull = false;
  }

  private deletedListeners = new Set<(entries: TimelineEntry[], tr: Y.Transaction) => void>();

  /**
   * Entries removed from the array, as they read before (entries are never
   * deleted by Warroom: a deletion is a peer's doing, and this is what the
   * deletion guard restores from).
   */
  onDeleted(listener: (entries: TimelineEntry[], tr: Y.Transaction) => void): () => void {
    // Every entry must be in the cache to be restorable: read them all once now.
    this.project();
    this.deletedListeners.add(listener);
    return () => this.deletedListeners.delete(listener);
  }

  private current(): void {
    if (!this.patch()) this.project();
  }

  entries(): TimelineEntry[] {
    this.current();
    return this.sorted!;
  }

  /** The stored entries that could not be read, with why (see parseEntry). */
  setAside(): SetAside[] {
    this.current();
    return this.aside!;
  }

  destroy(): void {
    this.array.unobserveDeep(this.onChange);
  }
}

const projections = new WeakMap<Y.Doc, TimelineProjection>();

/** One projection per document, shared by every reader. */
export const timelineProjectionOf = (doc: Y.Doc): TimelineProjection => {
  let p = projections.get(doc);
  if (!p) {
    p = new TimelineProjection(doc);
    projections.set(doc, p);
  }
  return p;
};
