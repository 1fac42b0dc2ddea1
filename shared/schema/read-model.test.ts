import { beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readIncident, readIncidentWithReport, readMeta, readRoles, readTimeline } from './read-model';
import { actionsOf, metaOf, rolesOf, runbookOf, timelineOf, updatesOf } from './incident-doc';
import { lifecycleKey } from './records/meta';
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
  it('is null before the incident is declared, and when meta holds nothing but a garbage id', () => {
    const empty = newDoc();
    expect(readIncident(empty)).toBeNull();
    expect(readMeta(empty)).toBeNull();
    metaOf(empty).set('id', 42);
    expect(readIncident(empty)).toBeNull();
  });

  it('stays readable when a peer deletes meta.id: the guid is the id, and the loss is reported', () => {
    fromRogue(() => metaOf(rogue).delete('id'));
    const read = readIncidentWithReport(doc)!;
    expect(read.snapshot.meta).toMatchObject({ id: doc.guid, title: 'Checkout down' });
    expect(read.setAside).toContainEqual({ record: 'meta', id: 'id', reason: 'id is missing' });
  });

  it('projects every container of a declared incident', () => {
    addStep(doc, t.ctx, { title: 's' });
    addActionItem(doc, t.ctx, { title: 'a', owner: 'o', due: '2024-02-01' });
    const snap = readIncident(doc)!;
    expect(snap.meta.id).toBe(doc.guid);
    expect(snap.timeline).toHaveLength(2);
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
        validEntry('bad-flags', { pinned: 'true', retracted: 'yes', edits: new Y.Array() }),
        validEntry('ok', { pinned: undefined, retracted: undefined }),
      ),
    );
    let timeline: ReturnType<typeof readTimeline> = [];
    expect(() => (timeline = readTimeline(doc))).not.toThrow();
    // Same occurredAt and clock as the declare entry: the id breaks the tie ('dev-a-1' < 'ok').
    expect(timeline.map((e) => e.id)).toEqual([t.issued[0], 'ok']);
    // Keys an older document lacks take their defaults.
    expect(timeline[1]).toMatchObject({ pinned: false, retracted: null, edits: [] });
    // Everything else is set aside, with a reason, and named where it has an id.
    const aside = readIncidentWithReport(doc)!.setAside.filter((a) => a.record === 'timeline');
    expect(aside).toHaveLength(16);
    expect(aside.find((a) => a.id === 'string-time')?.reason).toMatch(/^occurredAt must be a time/);
    expect(aside.find((a) => a.id === 'bad-flags')?.reason).toMatch(/^pinned /);
    expect(aside.find((a) => a.id === 'ytext-text')?.reason).toMatch(/^text /);
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
      append(runbookOf(rogue) as Y.Array<unknown>, map({ id: 's4', title: 't', state: 'todo' }));
      append(actionsOf(rogue) as Y.Array<unknown>, map({ id: 'a3', title: 't', owner: 'o', due: '2024-02-01', priority: 'P1', type: 'prevent', status: 'open', createdAt: T0, createdBy: bob }));
    });
    const { snapshot: snap, setAside } = readIncidentWithReport(doc)!;
    // A role stored without its own name in the value (older documents) is still read by its key.
    expect(readRoles(doc).map((r) => r.role)).toEqual(['scribe']);
    expect(snap.runbook.map((s) => s.id)).toEqual(['s4']);
    expect(snap.actions.map((a) => a.id)).toEqual(['a3']);
    expect(snap.updates.map((u) => u.id)).toEqual(['u2']);
    expect(setAside.map((a) => `${a.record}:${a.id ?? '?'}`).sort()).toEqual(
      ['actions:?', 'actions:a1', 'actions:a2', 'roles:commander', 'roles:deputy', 'runbook:?', 'runbook:s1', 'runbook:s2', 'runbook:s3', 'updates:?', 'updates:u1'].sort(),
    );
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
