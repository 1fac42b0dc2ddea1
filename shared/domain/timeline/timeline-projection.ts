import * as Y from 'yjs';
import { timelineOf } from '../../schema/incident-doc';
import { readEntry } from '../../schema/read-model';
import type { TimelineEntry } from '../../schema/types';
import { sortEntries } from '../../schema/records/timeline-order';

/**
 * The sorted plain-data timeline, kept incrementally: an entry is re-read only
 * when its own map changed, so a 10k-entry incident does not re-parse every
 * entry on each keystroke of a peer. Entries keep their object identity while
 * unchanged, which lets list rows skip re-rendering.
 */
export class TimelineProjection {
  private cache = new Map<Y.Map<unknown>, TimelineEntry | null>();
  private sorted: TimelineEntry[] | null = null;
  private readonly array: Y.Array<Y.Map<unknown>>;

  constructor(doc: Y.Doc) {
    this.array = timelineOf(doc);
    this.array.observeDeep(this.onChange);
  }

  private onChange = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>): void => {
    for (const event of events) {
      if (event.target === this.array) {
        for (const item of event.changes.deleted) {
          for (const c of item.content.getContent()) if (c instanceof Y.Map) this.cache.delete(c);
        }
        continue;
      }
      // A change inside an entry (its map, or its edits array): find the entry map.
      let node: Y.AbstractType<unknown> | null = event.target;
      while (node && node.parent !== this.array) node = node.parent as Y.AbstractType<unknown> | null;
      if (node instanceof Y.Map) this.cache.delete(node);
    }
    this.sorted = null;
  };

  entries(): TimelineEntry[] {
    if (this.sorted) return this.sorted;
    const out: TimelineEntry[] = [];
    for (const m of this.array) {
      let e = this.cache.get(m);
      if (e === undefined) {
        e = readEntry(m);
        this.cache.set(m, e);
      }
      if (e) out.push(e);
    }
    this.sorted = sortEntries(out);
    return this.sorted;
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
