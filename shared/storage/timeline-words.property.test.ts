import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { REMOTE_ORIGIN } from '../core/origins';
import { declareIncident } from '../domain/incident/incident-ops';
import { addEntry, editEntry, retractEntry } from '../domain/timeline/timeline-ops';
import { timelineOf } from '../schema/incident-doc';
import { ENTRY_KEYS } from '../schema/records/timeline';
import { T0, newDoc, testContext } from '../testing/fixtures';
import { indexRowFromDoc } from './incident-index';
import { TimelineWords, TimelineWordsIndex } from './timeline-words';

/*
 * The incident-list row's words are kept from the Yjs events' deltas. After any
 * mix of entries added, edited, retracted, removed (a restore or a set-aside by
 * a peer's stock client), garbage written into the timeline, and merges between
 * two peers that edited apart, the incremental text must equal a scan from scratch.
 */

const WORDS = ['db', 'DB,', 'rollback', 'eu-west-1', '(EU)', 'deploy', 'page', 'pager.', 'Ada', '2024.11.3', '—', 'x'];
const textArb = fc.array(fc.constantFrom(...WORDS), { minLength: 0, maxLength: 6 }).map((w) => w.join(' '));

type Op =
  | { k: 'add'; peer: 0 | 1; text: string }
  | { k: 'edit'; peer: 0 | 1; at: number; text: string }
  | { k: 'retract'; peer: 0 | 1; at: number }
  | { k: 'remove'; peer: 0 | 1; at: number }
  | { k: 'rawInsert'; peer: 0 | 1; at: number; text: string }
  | { k: 'garbage'; peer: 0 | 1; at: number }
  | { k: 'rawText'; peer: 0 | 1; at: number; value: string | number }
  | { k: 'sync' };

const peerArb = fc.constantFrom<0 | 1>(0, 1);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ k: fc.constant('add' as const), peer: peerArb, text: textArb.filter((t) => t.trim() !== '') }),
  fc.record({ k: fc.constant('edit' as const), peer: peerArb, at: fc.nat(), text: textArb.filter((t) => t.trim() !== '') }),
  fc.record({ k: fc.constant('retract' as const), peer: peerArb, at: fc.nat() }),
  fc.record({ k: fc.constant('remove' as const), peer: peerArb, at: fc.nat() }),
  fc.record({ k: fc.constant('rawInsert' as const), peer: peerArb, at: fc.nat(), text: textArb }),
  fc.record({ k: fc.constant('garbage' as const), peer: peerArb, at: fc.nat() }),
  fc.record({ k: fc.constant('rawText' as const), peer: peerArb, at: fc.nat(), value: fc.oneof(textArb, fc.integer()) }),
  fc.record({ k: fc.constant('sync' as const) }),
);

const sync = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), REMOTE_ORIGIN);
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)), REMOTE_ORIGIN);
};

const entryIdAt = (doc: Y.Doc, at: number): string | null => {
  const maps = timelineOf(doc)
    .toArray()
    .filter((m): m is Y.Map<unknown> => m instanceof Y.Map && typeof m.get(ENTRY_KEYS.id) === 'string');
  return maps.length === 0 ? null : (maps[at % maps.length]!.get(ENTRY_KEYS.id) as string);
};

const run = (doc: Y.Doc, op: Exclude<Op, { k: 'sync' }>, ctx: ReturnType<typeof testContext>['ctx']) => {
  const tl = timelineOf(doc) as Y.Array<unknown>;
  const at = 'at' in op ? op.at : 0;
  try {
    switch (op.k) {
      case 'add':
        addEntry(doc, ctx, { kind: 'note', text: op.text });
        return;
      case 'edit': {
        const id = entryIdAt(doc, at);
        if (id) editEntry(doc, ctx, { id, text: op.text });
        return;
      }
      case 'retract': {
        const id = entryIdAt(doc, at);
        if (id) retractEntry(doc, ctx, id, 'wrong');
        return;
      }
      case 'remove':
        if (tl.length > 0) doc.transact(() => tl.delete(at % tl.length, 1), REMOTE_ORIGIN);
        return;
      case 'rawInsert':
        doc.transact(() => {
          const m = new Y.Map<unknown>();
          m.set(ENTRY_KEYS.text, op.text);
          tl.insert(at % (tl.length + 1), [m]);
        }, REMOTE_ORIGIN);
        return;
      case 'garbage':
        doc.transact(() => tl.insert(at % (tl.length + 1), [42]), REMOTE_ORIGIN);
        return;
      case 'rawText': {
        const m = tl.length > 0 ? tl.get(at % tl.length) : null;
        if (m instanceof Y.Map) doc.transact(() => m.set(ENTRY_KEYS.text, op.value), REMOTE_ORIGIN);
        return;
      }
    }
  } catch {
    // A refused operation (a retracted entry cannot be edited) changes nothing.
  }
};

describe('incremental timeline words', () => {
  it('equal a scan from scratch after random edits, retractions, removals and peer merges', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 40 }), fc.integer({ min: 8, max: 200 }), (ops, cap) => {
        const docs = [newDoc('inc-words'), new Y.Doc({ guid: 'inc-words' })] as [Y.Doc, Y.Doc];
        const ctxs = [testContext({ name: 'Ada', deviceId: 'dev-a' }, T0).ctx, testContext({ name: 'Bob', deviceId: 'dev-b' }, T0).ctx];
        declareIncident(docs[0], ctxs[0]!, { title: 'Words', severity: 'SEV2' });
        sync(docs[0], docs[1]);
        const indexes = docs.map((d) => new TimelineWordsIndex(d));
        // Start following on one side now, on the other halfway: both paths (scan, then deltas) are covered.
        indexes[0]!.text();
        ops.forEach((op, i) => {
          if (i === Math.floor(ops.length / 2)) indexes[1]!.text();
          if (op.k === 'sync') sync(docs[0], docs[1]);
          else run(docs[op.peer], op, ctxs[op.peer]!);
        });
        sync(docs[0], docs[1]);
        for (const [i, d] of docs.entries()) {
          expect(indexes[i]!.text()).toBe(TimelineWords.scan(d).text());
          expect(indexRowFromDoc(d, T0, () => indexes[i]!.text())).toEqual(indexRowFromDoc(d, T0));
        }
        // With a cap too: the incremental words cut exactly where the scan does.
        const capped = new TimelineWords(cap);
        for (const m of timelineOf(docs[0])) capped.add(m);
        expect(capped.text()).toBe(TimelineWords.scan(docs[0], cap).text());
      }),
      { numRuns: 200 },
    );
  });

  it('does not scan the timeline again for a save after the first', () => {
    const doc = newDoc('inc-scan');
    const t = testContext(undefined, T0);
    declareIncident(doc, t.ctx, { title: 'Scan', severity: 'SEV2' });
    const index = new TimelineWordsIndex(doc);
    index.text();
    const tl = timelineOf(doc);
    let reads = 0;
    const get = Y.Array.prototype.get;
    const iter = Y.Array.prototype[Symbol.iterator];
    Y.Array.prototype.get = function (this: Y.Array<unknown>, i: number) {
      reads += 1;
      return get.call(this, i);
    };
    Y.Array.prototype[Symbol.iterator] = function (this: Y.Array<unknown>) {
      if (this === tl) reads += 1;
      return iter.call(this);
    };
    try {
      addEntry(doc, t.ctx, { kind: 'note', text: 'rolled back' });
      expect(index.text().split(' ')).toEqual(expect.arrayContaining(['rolled', 'back']));
    } finally {
      Y.Array.prototype.get = get;
      Y.Array.prototype[Symbol.iterator] = iter;
    }
    expect(reads).toBe(0);
  });
});
