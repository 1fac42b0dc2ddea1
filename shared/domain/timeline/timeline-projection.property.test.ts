import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { REMOTE_ORIGIN } from '../../core/origins';
import { declareIncident } from '../incident/incident-ops';
import { addEntry, editEntry, retractEntry } from './timeline-ops';
import { timelineOf } from '../../schema/incident-doc';
import { ENTRY_KEYS } from '../../schema/records/timeline';
import { MINUTE, T0, newDoc, testContext } from '../../testing/fixtures';
import { TimelineProjection } from './timeline-projection';

/*
 * The projection patches its sorted array instead of re-sorting. After any mix
 * of entries typed (at any time: some land in the middle), edited (their time
 * too, so they move), retracted, removed by a peer, garbage written in, and
 * merges between two peers, it must read exactly as a projection built afresh.
 */
type Op =
  | { k: 'add'; peer: 0 | 1; minutes: number }
  | { k: 'edit'; peer: 0 | 1; at: number; minutes: number }
  | { k: 'retract'; peer: 0 | 1; at: number }
  | { k: 'remove'; peer: 0 | 1; at: number }
  | { k: 'garbage'; peer: 0 | 1; at: number }
  | { k: 'read'; peer: 0 | 1 }
  | { k: 'sync' };

const peer = fc.constantFrom<0 | 1>(0, 1);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ k: fc.constant('add' as const), peer, minutes: fc.integer({ min: 0, max: 30 }) }) },
  fc.record({ k: fc.constant('edit' as const), peer, at: fc.nat(), minutes: fc.integer({ min: 0, max: 30 }) }),
  fc.record({ k: fc.constant('retract' as const), peer, at: fc.nat() }),
  fc.record({ k: fc.constant('remove' as const), peer, at: fc.nat() }),
  fc.record({ k: fc.constant('garbage' as const), peer, at: fc.nat() }),
  { weight: 3, arbitrary: fc.record({ k: fc.constant('read' as const), peer }) },
  fc.record({ k: fc.constant('sync' as const) }),
);

const sync = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), REMOTE_ORIGIN);
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)), REMOTE_ORIGIN);
};

describe('timeline projection, patched incrementally', () => {
  it('reads as a projection built afresh after random edits, retractions, removals and merges', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 50 }), fc.boolean(), (ops, watched) => {
        const docs = [newDoc('inc-proj'), new Y.Doc({ guid: 'inc-proj' })] as [Y.Doc, Y.Doc];
        const ctxs = [testContext({ name: 'Ada', deviceId: 'dev-a' }, T0), testContext({ name: 'Bob', deviceId: 'dev-b' }, T0)];
        declareIncident(docs[0], ctxs[0]!.ctx, { title: 'Order', severity: 'SEV2' });
        sync(docs[0], docs[1]);
        const projections = docs.map((d) => new TimelineProjection(d));
        // The deletion guard's listener changes how the cache is filled: cover both.
        if (watched) projections.forEach((p) => p.onDeleted(() => undefined));
        projections.forEach((p) => p.entries());
        for (const op of ops) {
          if (op.k === 'sync') {
            sync(docs[0], docs[1]);
            continue;
          }
          const doc = docs[op.peer];
          const { ctx } = ctxs[op.peer]!;
          const tl = timelineOf(doc) as Y.Array<unknown>;
          const ids = projections[op.peer]!.entries().map((e) => e.id);
          try {
            if (op.k === 'add') addEntry(doc, ctx, { kind: 'note', text: 'x', occurredAt: T0 + op.minutes * MINUTE });
            else if (op.k === 'edit' && ids.length > 0) editEntry(doc, ctx, { id: ids[op.at % ids.length]!, occurredAt: T0 + op.minutes * MINUTE });
            else if (op.k === 'retract' && ids.length > 0) retractEntry(doc, ctx, ids[op.at % ids.length]!, 'wrong');
            else if (op.k === 'remove' && tl.length > 0) doc.transact(() => tl.delete(op.at % tl.length, 1), REMOTE_ORIGIN);
            else if (op.k === 'garbage') doc.transact(() => tl.insert(op.at % (tl.length + 1), [{ [ENTRY_KEYS.text]: 7 }]), REMOTE_ORIGIN);
            else if (op.k === 'read') projections[op.peer]!.entries();
          } catch {
            // A refused operation (a retracted entry cannot be edited) changes nothing.
          }
        }
        sync(docs[0], docs[1]);
        for (const [i, d] of docs.entries()) {
          const fresh = new TimelineProjection(d);
          expect(projections[i]!.entries()).toEqual(fresh.entries());
          expect(projections[i]!.setAside()).toEqual(fresh.setAside());
        }
      }),
      { numRuns: 200 },
    );
  });
});
