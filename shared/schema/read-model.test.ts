import { beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readIncident, readMeta, readRoles, readTimeline } from './read-model';
import { actionsOf, lifecycleKey, metaOf, rolesOf, runbookOf, timelineOf, updatesOf } from './incident-doc';
import { SEVERITIES, STATUSES } from './types';
import { declareIncident } from '../domain/incident/incident-ops';
import { addEntry, editEntry } from '../domain/timeline/timeline-ops';
import { addStep } from '../domain/runbook/runbook-ops';
import { addActionItem } from '../domain/actions/action-ops';
import { REMOTE_ORIGIN } from '../core/origins';
import { MINUTE, T0, newDoc, syncInto, testContext, type TestContext } from '../testing/fixtures';

const bob = { name: 'Bob', deviceId: 'dev-b' };
const map = (fields: Record<string, unknown>): Y.Map<unknown> => {
  const m = new Y.Map<unknown>();
  for (const [k, v] of Object.entries(fields)) m.set(k, v);
  return m;
};
const validEntry = (id: string, over: Record<string, unknown> = {}) =>
  map({ id, kind: 'note', text: id, author: bob, occurredAt: T0, recordedAt: T0, clock: 1, pinned: false, retracted: null, ...over });

let doc: Y.Doc;
let rogue: Y.Doc;
let t: TestContext;

/** Let the rogue peer write anything it likes, then deliver it to `doc`. */
const fromRogue = (write: () => void) => {
  rogue.transact(write);
  syncInto(rogue, doc, REMOTE_ORIGIN);
};
const append = (arr: Y.Array<unknown>, ...items: unknown[]) => arr.insert(arr.length, items);

beforeEach(() => {
  doc = newDoc();
  t = testContext({ name: 'Ada', deviceId: 'dev-a' }, T0);
  declareIncident(doc, t.ctx, { title: 'Checkout down', severity: 'SEV2' });
  t.advance(MINUTE);
  rogue = new Y.Doc();
  syncInto(doc, rogue, REMOTE_ORIGIN);
});

describe('readIncident', () => {
  it('is null before the incident is declared, and when meta has no string id', () => {
    const empty = newDoc();
    expect(readIncident(empty)).toBeNull();
    expect(readMeta(empty)).toBeNull();
    metaOf(empty).set('id', 42);
    metaOf(empty).set('title', 'x');
    expect(readIncident(empty)).toBeNull();
  });

  it('projects every container of a declared incident', () => {
    addStep(doc, t.ctx, { title: 's' });
    addActionItem(doc, t.ctx, { title: 'a', owner: 'o', due: '2024-02-01' });
    const snap = readIncident(doc)!;
    expect(snap.meta.id).toBe(doc.guid);
    expect(snap.timeline).toHaveLength(1);
    expect(snap.runbook.map((s) => s.title)).toEqual(['s']);
    expect(snap.actions.map((a) => a.title)).toEqual(['a']);
    expect(snap.roles).toEqual([]);
    expect(snap.updates).toEqual([]);
  });
});

describe('garbage from a peer is dropped, never thrown', () => {
  it('timeline: non-maps, wrong types and missing fields are dropped; valid entries stay', () => {
    fromRogue(() =>
      append(
        timelineOf(rogue) as Y.Array<unknown>,
        42,
        'junk',
        null,
        { id: 'plain-object', kind: 'note', text: 'x', author: bob, occurredAt: T0, recordedAt: T0, clock: 1 },
        new Y.Array(),
        new Y.Text('text'),
        validEntry('id-number', { id: 7 }),
        validEntry('bad-kind', { kind: 'gossip' }),
        validEntry('no-author', { author: undefined }),
        validEntry('bad-author', { author: { name: 1, deviceId: 'd' } }),
        validEntry('string-time', { occurredAt: '2024-01-01' }),
        validEntry('no-recorded', { recordedAt: null }),
        validEntry('nan-clock', { clock: Number.NaN }),
        validEntry('number-text', { text: 5 }),
        validEntry('ytext-text', { text: new Y.Text('hi') }),
        validEntry('ok', { pinned: 'true', retracted: 'yes', edits: new Y.Array() }),
      ),
    );
    let timeline: ReturnType<typeof readTimeline> = [];
    expect(() => (timeline = readTimeline(doc))).not.toThrow();
    // Same occurredAt and clock as the declare entry: the id breaks the tie ('dev-a-1' < 'ok').
    expect(timeline.map((e) => e.id)).toEqual([t.issued[0], 'ok']);
    expect(timeline[1]).toMatchObject({ pinned: false, retracted: null, edits: [] });
  });

  it('edit history: malformed versions are skipped, good ones kept', () => {
    const edits = new Y.Array<unknown>();
    fromRogue(() => {
      append(timelineOf(rogue) as Y.Array<unknown>, validEntry('e1', { edits }));
      append(edits, 1, 'x', { text: 'no time' }, { text: 'old', occurredAt: T0, editedAt: T0 + 1, editedBy: bob }, new Y.Map());
    });
    const e = readTimeline(doc).find((x) => x.id === 'e1')!;
    expect(e.edits).toEqual([{ text: 'old', occurredAt: T0, editedAt: T0 + 1, editedBy: bob }]);
  });

  it('meta: bad values fall back to safe defaults and bad lifecycle times are omitted', () => {
    fromRogue(() => {
      const meta = metaOf(rogue);
      meta.set('title', 12);
      meta.set('severity', 'SEV9');
      meta.set('status', { evil: true });
      meta.set('drill', 'true');
      meta.set('createdBy', 'someone');
      meta.set(lifecycleKey('started'), 'yesterday');
      meta.set(lifecycleKey('detected'), Number.POSITIVE_INFINITY);
    });
    const m = readMeta(doc)!;
    expect(typeof m.title).toBe('string');
    expect(SEVERITIES).toContain(m.severity);
    expect(STATUSES).toContain(m.status);
    expect(m.drill).toBe(false);
    expect(typeof m.createdBy.name).toBe('string');
    expect(Object.keys(m.lifecycle)).toEqual(['declared']);
  });

  it('roles, runbook, actions and updates: malformed items are dropped', () => {
    fromRogue(() => {
      const roles = rolesOf(rogue);
      roles.set('commander', 'Bob');
      roles.set('deputy', { holder: { name: 1 }, assignedAt: T0, assignedBy: bob });
      roles.set('king', { holder: bob, assignedAt: T0, assignedBy: bob });
      roles.set('scribe', { holder: bob, assignedAt: T0, assignedBy: bob });
      append(runbookOf(rogue) as Y.Array<unknown>, 1, map({ id: 's1' }), map({ id: 's2', title: 't', state: 'maybe' }), map({ id: 's3', title: 't', state: 'done', doneBy: 'x' }));
      append(actionsOf(rogue) as Y.Array<unknown>, 'a', map({ id: 'a1', title: 't', createdAt: T0 }), map({ id: 'a2', title: 't', createdAt: T0, createdBy: bob, priority: 'P0' }));
      append(updatesOf(rogue), 1, { id: 'u1', status: 'bogus', text: 'x', postedAt: T0, postedBy: bob }, { id: 'u2', status: 'identified', text: 'x', postedAt: T0, postedBy: bob });
    });
    const snap = readIncident(doc)!;
    expect(readRoles(doc).map((r) => r.role)).toEqual(['scribe']);
    expect(snap.runbook.map((s) => s.id)).toEqual(['s3']);
    expect(snap.runbook[0]!.doneBy).toBeNull();
    expect(snap.actions.map((a) => a.id)).toEqual(['a2']);
    expect(['P1', 'P2', 'P3']).toContain(snap.actions[0]!.priority);
    expect(snap.updates.map((u) => u.id)).toEqual(['u2']);
  });

  it('local operations keep working next to garbage', () => {
    fromRogue(() => append(timelineOf(rogue) as Y.Array<unknown>, 'junk', validEntry('no-kind', { kind: null, clock: 50 }), map({ clock: 'high' })));
    const id = addEntry(doc, t.ctx, { kind: 'note', text: 'still works' });
    editEntry(doc, t.ctx, { id, text: 'edited' });
    const e = readTimeline(doc).find((x) => x.id === id)!;
    expect(e.text).toBe('edited');
    expect(e.clock).toBe(51);
  });

  it('a peer’s non-finite clock does not make later entries unreadable', () => {
    fromRogue(() => append(timelineOf(rogue) as Y.Array<unknown>, validEntry('inf', { clock: Number.POSITIVE_INFINITY })));
    const id = addEntry(doc, t.ctx, { kind: 'note', text: 'after the bad clock' });
    expect(readTimeline(doc).map((e) => e.id)).toContain(id);
  });
});
