import * as Y from 'yjs';
import { timelineOf } from '../schema/incident-doc';
import { ENTRY_KEYS } from '../schema/records/timeline';
import { MAX_SEARCH_TEXT, wordsOf } from './incident-search';

/*
 * The distinct words of an incident's timeline, kept up to date from the Yjs
 * events' deltas instead of being rebuilt from every entry on each save (that
 * rebuild was ~130 ms of JS per saved entry at 10,000 entries).
 *
 * Each word carries a count of the entries that contain it, so a deleted entry
 * (a peer's restore, a bad record set aside) or a changed text only removes the
 * words no other entry still has. The search text is the distinct words in
 * sorted order: that order does not depend on where in the array an entry sits
 * (peer merges insert in the middle), so the incremental text is exactly the
 * text a scan from scratch gives, which the property test checks.
 */

const lowerBound = (sorted: readonly string[], w: string): number => {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < w) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};

const entryText = (m: unknown): string | undefined => {
  if (!(m instanceof Y.Map)) return undefined;
  const text: unknown = m.get(ENTRY_KEYS.text);
  return typeof text === 'string' ? text : undefined;
};

export class TimelineWords {
  private readonly counts = new Map<string, number>();
  private readonly sorted: string[] = [];
  /** The words each entry contributed, by its Y.Map: what to take away when it goes or changes. */
  private readonly contributed = new WeakMap<Y.Map<unknown>, string[]>();
  private cached: string | null = '';
  private readonly max: number;

  constructor(max = MAX_SEARCH_TEXT) {
    this.max = max;
  }

  /** The words of every entry in `doc`'s timeline now: one full scan. */
  static scan(doc: Y.Doc, max = MAX_SEARCH_TEXT): TimelineWords {
    const w = new TimelineWords(max);
    for (const m of timelineOf(doc)) w.add(m);
    return w;
  }

  /** Count the words of one entry (a Y.Map in the timeline). */
  add(m: unknown): void {
    if (!(m instanceof Y.Map) || this.contributed.has(m)) return;
    const text = entryText(m);
    const words = text === undefined ? [] : [...new Set(wordsOf(text))];
    this.contributed.set(m, words);
    for (const w of words) {
      const n = this.counts.get(w) ?? 0;
      this.counts.set(w, n + 1);
      if (n === 0) {
        this.sorted.splice(lowerBound(this.sorted, w), 0, w);
        this.cached = null;
      }
    }
  }

  /** Take one entry's words away (it left the timeline). */
  remove(m: unknown): void {
    if (!(m instanceof Y.Map)) return;
    const words = this.contributed.get(m);
    if (!words) return;
    this.contributed.delete(m);
    for (const w of words) {
      const n = this.counts.get(w)!;
      if (n > 1) {
        this.counts.set(w, n - 1);
        continue;
      }
      this.counts.delete(w);
      this.sorted.splice(lowerBound(this.sorted, w), 1);
      this.cached = null;
    }
  }

  /** An entry's text changed: its old words out, its new words in. */
  refresh(m: unknown): void {
    if (!(m instanceof Y.Map) || !this.contributed.has(m)) return;
    this.remove(m);
    this.add(m);
  }

  /** Apply one observeDeep batch of the timeline array: only what the events name is read. */
  applyEvents(events: readonly Y.YEvent<Y.AbstractType<unknown>>[], timeline: Y.Array<unknown>): void {
    for (const e of events) {
      if (e.target === timeline) {
        for (const item of e.changes.deleted) for (const c of item.content.getContent()) this.remove(c);
        for (const d of e.changes.delta) if (d.insert && Array.isArray(d.insert)) for (const c of d.insert) this.add(c);
      } else if (e instanceof Y.YMapEvent && e.target.parent === timeline && e.keysChanged.has(ENTRY_KEYS.text)) {
        this.refresh(e.target);
      }
    }
  }

  /** Distinct words, sorted, space-separated, capped at `max` characters without cutting a word. */
  text(): string {
    if (this.cached !== null) return this.cached;
    let length = 0;
    let end = 0;
    for (; end < this.sorted.length; end++) {
      const add = this.sorted[end]!.length + (end > 0 ? 1 : 0);
      if (length + add > this.max) break;
      length += add;
    }
    this.cached = this.sorted.slice(0, end).join(' ');
    return this.cached;
  }
}

/**
 * Follows a document's timeline from the first time its words are asked for:
 * until then (while a 10k incident loads and first paints) it does nothing,
 * then one scan, then only the deltas.
 */
export class TimelineWordsIndex {
  private words: TimelineWords | null = null;
  private readonly timeline: Y.Array<unknown>;

  constructor(private readonly doc: Y.Doc) {
    this.timeline = timelineOf(doc) as Y.Array<unknown>;
    this.timeline.observeDeep(this.onEvents);
  }

  private onEvents = (events: Y.YEvent<Y.AbstractType<unknown>>[]): void => {
    this.words?.applyEvents(events, this.timeline);
  };

  text(): string {
    this.words ??= TimelineWords.scan(this.doc);
    return this.words.text();
  }

  destroy(): void {
    this.timeline.unobserveDeep(this.onEvents);
  }
}
