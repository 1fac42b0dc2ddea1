import { beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import { addStep, checkStep, skipStep } from './runbook-ops';
import { moveStep } from './runbook-order-ops';
import { declareIncident } from '../incident/incident-ops';
import { REMOTE_ORIGIN } from '../../core/origins';
import { runbookOf } from '../../schema/incident-doc';
import { STEP_KEYS } from '../../schema/records/runbook';
import { readRunbook, readTimeline } from '../../schema/read-model';
import { T0, newDoc, syncInto, testContext, type TestContext } from '../../testing/fixtures';
import { expectRefused, watchLocalWrites } from '../../testing/expect';

let doc: Y.Doc;
let t: TestContext;
const titles = (d: Y.Doc = doc) => readRunbook(d).map((s) => s.title);
const idOf = (title: string, d: Y.Doc = doc) => readRunbook(d).find((s) => s.title === title)!.id;
const rawMaps = (d: Y.Doc) => runbookOf(d).toArray();

const seed = (names: string[]) => names.forEach((title) => addStep(doc, t.ctx, { title }));

beforeEach(() => {
  doc = newDoc();
  t = testContext({ name: 'Ada', deviceId: 'dev-a' }, T0);
  declareIncident(doc, t.ctx, { title: 'Checkout down', severity: 'SEV2' });
});

describe('moveStep', () => {
  it('moves a step within the displayed list, keeping the very same map', () => {
    seed(['A', 'B', 'C', 'D']);
    const mapsBefore = rawMaps(doc);
    const w = watchLocalWrites(doc);
    moveStep(doc, t.ctx, idOf('D'), 0);
    w.check(1);
    expect(titles()).toEqual(['D', 'A', 'B', 'C']);
    moveStep(doc, t.ctx, idOf('D'), 3);
    expect(titles()).toEqual(['A', 'B', 'C', 'D']);
    moveStep(doc, t.ctx, idOf('A'), 2);
    expect(titles()).toEqual(['B', 'C', 'A', 'D']);
    moveStep(doc, t.ctx, idOf('C'), 0);
    expect(titles()).toEqual(['C', 'B', 'A', 'D']);
    // Nothing was copied or deleted: the raw array holds the same four maps.
    expect(rawMaps(doc)).toEqual(mapsBefore);
    // Each move is logged like a check.
    expect(readTimeline(doc).filter((e) => e.text.startsWith('Runbook: moved')).map((e) => e.text)).toEqual([
      'Runbook: moved “D” from position 4 to 1',
      'Runbook: moved “D” from position 1 to 4',
      'Runbook: moved “A” from position 1 to 3',
      'Runbook: moved “C” from position 2 to 1',
    ]);
  });

  it('writes nothing when the step is already there', () => {
    seed(['A', 'B']);
    let updates = 0;
    doc.on('update', () => (updates += 1));
    moveStep(doc, t.ctx, idOf('B'), 1);
    expect(updates).toBe(0);
  });

  it('refuses unknown steps and impossible positions, leaving the document alone', () => {
    seed(['A', 'B']);
    const a = idOf('A');
    expectRefused(doc, () => moveStep(doc, t.ctx, 'nope', 0), 'not_found');
    expectRefused(doc, () => moveStep(doc, t.ctx, '', 0), 'invalid_input');
    for (const bad of [-1, 2, 0.5, Number.NaN, '1' as never]) expectRefused(doc, () => moveStep(doc, t.ctx, a, bad), 'invalid_input');
    expectRefused(newDoc('other'), () => moveStep(newDoc('other'), t.ctx, a, 0), 'not_declared');
  });

  it('keys steps of older documents (no order key) without reshuffling them', () => {
    doc.transact(() => {
      for (const title of ['old-1', 'old-2', 'old-3']) {
        const m = new Y.Map<unknown>();
        for (const [k, v] of Object.entries({ id: title, title, detail: '', assignee: null, state: 'todo', skipReason: null, doneBy: null, doneAt: null })) m.set(k, v);
        runbookOf(doc).insert(runbookOf(doc).length, [m]);
      }
    });
    addStep(doc, t.ctx, { title: 'new' });
    expect(titles()).toEqual(['old-1', 'old-2', 'old-3', 'new']);
    moveStep(doc, t.ctx, 'old-3', 0);
    expect(titles()).toEqual(['old-3', 'old-1', 'old-2', 'new']);
  });

  it('renumbers when the neighbours share a key (two peers inserted into one gap)', () => {
    seed(['A', 'B', 'C']);
    const same = runbookOf(doc).get(0).get(STEP_KEYS.order);
    doc.transact(() => runbookOf(doc).get(1).set(STEP_KEYS.order, same));
    expect(titles()).toEqual(['A', 'B', 'C']);
    moveStep(doc, t.ctx, idOf('C'), 1);
    expect(titles()).toEqual(['A', 'C', 'B']);
    const keys = readRunbook(doc).map((s) => runbookOf(doc).toArray().find((m) => m.get('id') === s.id)!.get(STEP_KEYS.order) as string);
    expect(new Set(keys).size).toBe(3);
  });

  it('shows a step whose id appears twice in the array once, as its first copy', () => {
    seed(['A', 'B']);
    const copy = new Y.Map<unknown>();
    doc.transact(() => {
      for (const [k, v] of runbookOf(doc).get(0).entries()) copy.set(k, v);
      copy.set(STEP_KEYS.title, 'A (copy)');
      runbookOf(doc).insert(runbookOf(doc).length, [copy]);
    });
    expect(titles()).toEqual(['A', 'B']);
  });
});

/** Two peers that start from the same synced state. */
const pair = (steps: string[]) => {
  seed(steps);
  const other = newDoc();
  syncInto(doc, other, REMOTE_ORIGIN);
  const tb = testContext({ name: 'Bob', deviceId: 'dev-b' }, T0 + 5_000);
  const exchange = () => {
    syncInto(doc, other, REMOTE_ORIGIN);
    syncInto(other, doc, REMOTE_ORIGIN);
  };
  return { other, tb, exchange };
};

describe('moveStep with concurrent peers', () => {
  it('two peers moving the same step at once end with one copy, in the same place on both', () => {
    const { other, tb, exchange } = pair(['A', 'B', 'C', 'D']);
    moveStep(doc, t.ctx, idOf('B'), 0);
    moveStep(other, tb.ctx, idOf('B', other), 3);
    exchange();
    expect(titles()).toEqual(titles(other));
    expect([...titles()].sort()).toEqual(['A', 'B', 'C', 'D']);
    expect([['B', 'A', 'C', 'D'], ['A', 'C', 'D', 'B']]).toContainEqual(titles());
    expect(runbookOf(doc).length).toBe(4);
  });

  it('a step checked by one peer while another moves it is both moved and checked', () => {
    const { other, tb, exchange } = pair(['A', 'B', 'C']);
    checkStep(doc, t.ctx, idOf('C'));
    moveStep(other, tb.ctx, idOf('C', other), 0);
    skipStep(other, tb.ctx, idOf('A', other), 'not needed');
    exchange();
    for (const d of [doc, other]) {
      expect(titles(d)).toEqual(['C', 'A', 'B']);
      expect(readRunbook(d).map((s) => s.state)).toEqual(['done', 'skipped', 'todo']);
    }
  });

  it('moves of different steps by different peers both take effect', () => {
    const { other, tb, exchange } = pair(['A', 'B', 'C', 'D']);
    moveStep(doc, t.ctx, idOf('D'), 0);
    moveStep(other, tb.ctx, idOf('A', other), 3);
    exchange();
    expect(titles()).toEqual(titles(other));
    expect(titles()[0]).toBe('D');
    expect(titles().at(-1)).toBe('A');
  });

  it('any interleaving of adds, moves and checks on three peers converges, with every step once', () => {
    const opArb = fc.oneof(
      fc.record({ t: fc.constant('add' as const) }),
      fc.record({ t: fc.constant('move' as const), pick: fc.nat(), to: fc.nat() }),
      fc.record({ t: fc.constant('check' as const), pick: fc.nat() }),
      fc.record({ t: fc.constant('sync' as const), from: fc.nat({ max: 2 }) }),
    );
    fc.assert(
      fc.property(fc.array(fc.array(opArb, { maxLength: 15 }), { minLength: 3, maxLength: 3 }), (plans) => {
        doc = newDoc();
        const base = testContext({ name: 'Ada', deviceId: 'p0' }, T0);
        declareIncident(doc, base.ctx, { title: 'x', severity: 'SEV1' });
        ['A', 'B', 'C'].forEach((title) => addStep(doc, base.ctx, { title }));
        const peers = [0, 1, 2].map((i) => {
          const d = i === 0 ? doc : newDoc();
          if (i > 0) syncInto(doc, d, REMOTE_ORIGIN);
          return { d, tc: i === 0 ? base : testContext({ name: `P${i}`, deviceId: `p${i}` }, T0, `p${i}`) };
        });
        for (let step = 0; step < 15; step++) {
          peers.forEach(({ d, tc }, i) => {
            const op = plans[i]![step];
            if (!op) return;
            const steps = readRunbook(d);
            const s = steps[('pick' in op ? op.pick : 0) % steps.length]!;
            if (op.t === 'add') addStep(d, tc.ctx, { title: `s-${tc.ctx.newId()}` });
            else if (op.t === 'move') moveStep(d, tc.ctx, s.id, op.to % steps.length);
            else if (op.t === 'check') checkStep(d, tc.ctx, s.id);
            else if (op.from !== i) syncInto(peers[op.from]!.d, d, REMOTE_ORIGIN);
          });
        }
        for (const a of peers) for (const b of peers) syncInto(a.d, b.d, REMOTE_ORIGIN);
        const reference = readRunbook(doc);
        const ids = reference.map((s) => s.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids.length).toBe(runbookOf(doc).length);
        for (const p of peers) expect(readRunbook(p.d)).toEqual(reference);
      }),
      { numRuns: 100 },
    );
  });
});
