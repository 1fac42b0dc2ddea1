import * as Y from 'yjs';
import { timelineOf } from '../../schema/incident-doc';
import { parseEntry } from '../../schema/read-model';
import { itemWriter } from '../../schema/records/timeline';
import { writerOf } from '../../schema/records/fields';
import type { SetAside } from '../../schema/records/record-type';
import type { TimelineEntry } from '../../schema/types';
import { sortEntries } from '../../schema/records/timeline-order';

/**
 * The sorted plain-data timeline, kept incrementally: an entry is re-read only
 * when its own map changed, so a 10k-entry incident does not re-parse every
 * entry on each keystroke of a peer. Entries keep their object identity while
 * unchanged, which lets list rows skip re-rendering.
 */
export class TimelineProjection {
  private cache = new Map<Y.Map<unknown>, TimelineEntry | SetAside>();
  private sorted: TimelineEntry[] | null = null;
  private aside: SetAside[] | null = null;
  private readonly array: Y.Array<Y.Map<unknown>>;

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
            if (!(c instanceof Y.Map)) continue;
            const known = this.cache.get(c);
            if (known && !('record' in known)) gone.push(known);
            this.cache.delete(c);
          }
        }
        if (gone.length > 0) for (const l of this.deletedListeners) l(gone, event.transaction);
        // Watched: read new entries now, so that one deleted before anyone looked can still be restored.
        if (this.deletedListeners.size > 0) for (const item of event.changes.added) for (const c of item.content.getContent()) if (c instanceof Y.Map) this.keep(c);
        continue;
      }
      // A change inside an entry (its map, or its edits array): find the entry map.
      let node: Y.AbstractType<unknown> | null = event.target;
      while (node && node.parent !== this.array) node = node.parent as Y.AbstractType<unknown> | null;
      if (node instanceof Y.Map) {
        if (this.deletedListeners.size > 0 && !node._item?.deleted) this.keep(node);
        else this.cache.delete(node);
      }
    }
    this.sorted = null;
    this.aside = null;
  };

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

  entries(): TimelineEntry[] {
    if (!this.sorted) this.project();
    return this.sorted!;
  }

  /** The stored entries that could not be read, with why (see parseEntry). */
  setAside(): SetAside[] {
    if (!this.aside) this.project();
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
