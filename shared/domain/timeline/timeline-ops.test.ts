import { beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addEntry, editEntry, retractEntry, setPinned } from './timeline-ops';
import { declareIncident } from '../incident/incident-ops';
import { LOCAL_ORIGIN, REMOTE_ORIGIN } from '../../core/origins';
import { createIncidentDoc, timelineOf } from '../../schema/incident-doc';
import { ENTRY_KEYS } from '../../schema/records/timeline';
import { readTimeline } from '../../schema/read-model';
import { MAX_TEXT } from '../../schema/validation';
import { MINUTE, T0, newDoc, recordOrigins, syncInto, testContext, type TestContext } from '../../testing/fixtures';
import { expectRefused, watchLocalWrites } from '../../testing/expect';

let doc: Y.Doc;
let t: TestContext;
const ada = { name: 'Ada', deviceId: 'dev-a' };

const entry = (id: string) => readTimeline(doc).find((e) => e.id === id)!;
const noWrite = (fn: () => void) => {
  const rec = recordOrigins(doc);
  fn();
  rec.stop();
  expect(rec.updates).toEqual([]);
};

beforeEach(() => {
  doc = newDoc();
  t = testContext(ada, T0);
  declareIncident(doc, t.ctx, { title: 'Checkout down', severity: 'SEV2' });
  t.advance(MINUTE);
});

describe('addEntry', () => {
  it('appends a full entry at the end of the array and returns its id', () => {
    const w = watchLocalWrites(doc);
    const id = addEntry(doc, t.ctx, { kind: 'observation', text: '  5xx rate at 12%  ' });
    w.check();
    expect(id).toBe(t.issued.at(-1));
    const arr = timelineOf(doc);
    expect(arr.get(arr.length - 1).get(ENTRY_KEYS.id)).toBe(id);
    expect(entry(id)).toEqual({
      id,
      kind: 'observation',
      text: '5xx rate at 12%',
      author: ada,
      occurredAt: t.current(),
      recordedAt: t.current(),
      clock: 2,
      pinned: false,
      retracted: null,
      edits: [],
    });
  });

  it('keeps an explicit occurredAt separate from recordedAt, and a pin', () => {
    const id = addEntry(doc, t.ctx, { kind: 'action', text: 'failover', occurredAt: T0 - MINUTE, pinned: true });
    expect(entry(id)).toMatchObject({ occurredAt: T0 - MINUTE, recordedAt: t.current(), pinned: true });
    expect(readTimeline(doc)[0]!.id).toBe(id);
  });

  it('uses a Lamport clock: one more than the highest clock seen, including a peer’s', () => {
    const peer = new Y.Doc();
    syncInto(doc, peer, REMOTE_ORIGIN);
    const p = testContext({ name: 'Bob', deviceId: 'dev-b' }, T0);
    for (let i = 0; i < 5; i++) addEntry(peer, p.ctx, { kind: 'note', text: `n${i}` });
    syncInto(peer, doc, REMOTE_ORIGIN);
    const id = addEntry(doc, t.ctx, { kind: 'note', text: 'after sync' });
    expect(entry(id).clock).toBe(7);
  });

  it.each([
    ['a system kind', { kind: 'severity_change', text: 'x' }],
    ['an unknown kind', { kind: 'gossip', text: 'x' }],
    ['blank text', { kind: 'note', text: ' \n ' }],
    ['text over the limit', { kind: 'note', text: 'x'.repeat(MAX_TEXT + 1) }],
    ['a time in seconds', { kind: 'note', text: 'x', occurredAt: Math.floor(T0 / 1000) }],
    ['a non-boolean pin', { kind: 'note', text: 'x', pinned: 'yes' }],
  ])('refuses %s', (_what, input) => {
    expectRefused(doc, () => addEntry(doc, t.ctx, input as never), 'invalid_input');
  });
});

describe('editEntry', () => {
  let id: string;
  beforeEach(() => {
    id = addEntry(doc, t.ctx, { kind: 'decision', text: 'roll back', occurredAt: T0 });
    t.advance(MINUTE);
  });

  it('changes the text and keeps the previous version in the history', () => {
    const w = watchLocalWrites(doc);
    editEntry(doc, t.ctx, { id, text: 'roll back to v41' });
    w.check();
    expect(entry(id).text).toBe('roll back to v41');
    expect(entry(id).edits).toEqual([{ text: 'roll back', occurredAt: T0, editedAt: t.current(), editedBy: ada }]);
  });

  it('changes the time, which moves the entry in the order, and stacks edits oldest first', () => {
    editEntry(doc, t.ctx, { id, occurredAt: T0 - 5 * MINUTE });
    t.advance(MINUTE);
    editEntry(doc, t.ctx, { id, text: 'second', occurredAt: T0 - 6 * MINUTE });
    const e = entry(id);
    expect(e).toMatchObject({ text: 'second', occurredAt: T0 - 6 * MINUTE });
    expect(e.edits.map((x) => [x.text, x.occurredAt])).toEqual([
      ['roll back', T0],
      ['roll back', T0 - 5 * MINUTE],
    ]);
    expect(readTimeline(doc)[0]!.id).toBe(id);
  });

  it('does nothing when nothing changes', () => {
    noWrite(() => editEntry(doc, t.ctx, { id, text: 'roll back', occurredAt: T0 }));
  });

  it('recreates a missing edit history (a peer sent an entry without one)', () => {
    doc.transact(() => timelineOf(doc).toArray().find((m) => m.get('id') === id)!.delete(ENTRY_KEYS.edits));
    editEntry(doc, t.ctx, { id, text: 'v2' });
    expect(entry(id).edits.map((e) => e.text)).toEqual(['roll back']);
  });

  it('refuses edits to a retracted entry', () => {
    retractEntry(doc, t.ctx, id, 'wrong incident');
    expectRefused(doc, () => editEntry(doc, t.ctx, { id, text: 'sneaky' }), 'retracted');
  });

  it('refuses an unknown id, an empty edit, bad values and a malformed entry', () => {
    expectRefused(doc, () => editEntry(doc, t.ctx, { id: 'nope', text: 'x' }), 'not_found');
    expectRefused(doc, () => editEntry(doc, t.ctx, { id }), 'invalid_input');
    expectRefused(doc, () => editEntry(doc, t.ctx, { id, text: '' }), 'invalid_input');
    expectRefused(doc, () => editEntry(doc, t.ctx, { id: '', text: 'x' }), 'invalid_input');
    expectRefused(doc, () => editEntry(doc, t.ctx, { id, occurredAt: 12 }), 'invalid_input');
    const broken = new Y.Map<unknown>();
    doc.transact(() => {
      broken.set('id', 'broken');
      timelineOf(doc).insert(timelineOf(doc).length, [broken]);
    });
    expectRefused(doc, () => editEntry(doc, t.ctx, { id: 'broken', text: 'x' }), 'invalid_input');
  });
});

describe('setPinned', () => {
  it('pins and unpins; the same value writes nothing', () => {
    const id = addEntry(doc, t.ctx, { kind: 'note', text: 'key graph' });
    const w = watchLocalWrites(doc);
    setPinned(doc, t.ctx, id, true);
    expect(entry(id).pinned).toBe(true);
    setPinned(doc, t.ctx, id, false);
    w.check(2);
    expect(entry(id).pinned).toBe(false);
    noWrite(() => setPinned(doc, t.ctx, id, false));
  });

  it('refuses unknown ids and bad input', () => {
    const id = addEntry(doc, t.ctx, { kind: 'note', text: 'x' });
    expectRefused(doc, () => setPinned(doc, t.ctx, 'missing', true), 'not_found');
    expectRefused(doc, () => setPinned(doc, t.ctx, '', true), 'invalid_input');
    expectRefused(doc, () => setPinned(doc, t.ctx, id, 1 as never), 'invalid_input');
  });
});

describe('retractEntry', () => {
  it('marks the entry retracted with who, when and why, and keeps the text', () => {
    const id = addEntry(doc, t.ctx, { kind: 'observation', text: 'DNS is down' });
    t.advance(MINUTE);
    const w = watchLocalWrites(doc);
    retractEntry(doc, t.ctx, id, '  it was not  ');
    w.check();
    expect(entry(id).text).toBe('DNS is down');
    expect(entry(id).retracted).toEqual({ at: t.current(), by: ada, reason: 'it was not' });
  });

  it('defaults to an empty reason', () => {
    const id = addEntry(doc, t.ctx, { kind: 'note', text: 'x' });
    retractEntry(doc, t.ctx, id);
    expect(entry(id).retracted?.reason).toBe('');
  });

  it('refuses a second retraction, unknown ids and bad input', () => {
    const id = addEntry(doc, t.ctx, { kind: 'note', text: 'x' });
    retractEntry(doc, t.ctx, id, 'first');
    expectRefused(doc, () => retractEntry(doc, t.ctx, id, 'again'), 'retracted');
    expectRefused(doc, () => retractEntry(doc, t.ctx, 'missing'), 'not_found');
    expectRefused(doc, () => retractEntry(doc, t.ctx, ''), 'invalid_input');
    const other = addEntry(doc, t.ctx, { kind: 'note', text: 'y' });
    expectRefused(doc, () => retractEntry(doc, t.ctx, other, 'x'.repeat(MAX_TEXT + 1)), 'invalid_input');
  });
});

describe('Lamport clock across peers (cached maximum)', () => {
  it('a new entry gets a clock above every entry seen, local or from a peer, even within one transaction', () => {
    let n = 0;
    const ctx = { actor: { name: 'Ada', deviceId: 'a' }, now: () => Date.UTC(2026, 0, 1), newId: () => `e${++n}` };
    const a = createIncidentDoc('clock-1');
    declareIncident(a, ctx, { title: 't', severity: 'SEV3' });
    addEntry(a, ctx, { kind: 'note', text: 'first' });
    // A peer that has seen more entries writes one with a higher clock.
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const bctx = { ...ctx, actor: { name: 'Bob', deviceId: 'b' }, newId: () => `b${++n}` };
    for (let i = 0; i < 5; i++) addEntry(b, bctx, { kind: 'note', text: `bob ${i}` });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b), 'remote');
    const maxSeen = Math.max(...readTimeline(a).map((e) => e.clock));
    a.transact(() => {
      addEntry(a, ctx, { kind: 'note', text: 'after sync 1' });
      addEntry(a, ctx, { kind: 'note', text: 'after sync 2' });
    }, LOCAL_ORIGIN);
    const byText = new Map(readTimeline(a).map((e) => [e.text, e.clock]));
    expect(byText.get('after sync 1')).toBe(maxSeen + 1);
    expect(byText.get('after sync 2')).toBe(maxSeen + 2);
  });
});
