import { beforeEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { addActionItem, updateActionItem } from './action-ops';
import { declareIncident } from '../incident/incident-ops';
import { LOCAL_ORIGIN } from '../../core/origins';
import { actionsOf } from '../../schema/incident-doc';
import { readActions, readTimeline } from '../../schema/read-model';
import { MINUTE, T0, newDoc, recordOrigins, testContext, type TestContext } from '../../testing/fixtures';
import { expectRefused, watchLocalWrites } from '../../testing/expect';

let doc: Y.Doc;
let t: TestContext;
let id: string;

beforeEach(() => {
  doc = newDoc();
  t = testContext({ name: 'Ada', deviceId: 'dev-a' }, T0);
  declareIncident(doc, t.ctx, { title: 'Checkout down', severity: 'SEV2' });
  t.advance(MINUTE);
  id = addActionItem(doc, t.ctx, { title: 'Add failover alert', owner: 'Bob', due: '2024-03-01' });
});

describe('updateActionItem', () => {
  it('changes status, owner, due, priority, type and title in one local write', () => {
    const before = readActions(doc)[0]!;
    const entries = readTimeline(doc).length;
    const w = watchLocalWrites(doc);
    const changed = updateActionItem(doc, t.ctx, id, {
      status: 'in_progress',
      owner: ' Grace ',
      due: '2024-04-30',
      priority: 'P1',
      type: 'mitigate',
      title: ' Alert on failover ',
    });
    w.check();
    expect(changed).toBe(true);
    expect(w.rec.transactions).toHaveLength(1);
    expect(readActions(doc)).toEqual([
      { ...before, status: 'in_progress', owner: 'Grace', due: '2024-04-30', priority: 'P1', type: 'mitigate', title: 'Alert on failover' },
    ]);
    // Follow-up work is not an incident change.
    expect(readTimeline(doc)).toHaveLength(entries);
  });

  it('changes only the fields given', () => {
    updateActionItem(doc, t.ctx, id, { status: 'done' });
    expect(readActions(doc)[0]).toMatchObject({ status: 'done', owner: 'Bob', due: '2024-03-01', title: 'Add failover alert' });
  });

  it('writes nothing when nothing changes', () => {
    const rec = recordOrigins(doc);
    expect(updateActionItem(doc, t.ctx, id, { status: 'open', owner: 'Bob' })).toBe(false);
    rec.stop();
    expect(rec.updates).toEqual([]);
  });

  it('repairs a field a peer stored garbage in: the item is set aside until then', () => {
    doc.transact(() => actionsOf(doc).get(0).set('priority', 'urgent!!'), LOCAL_ORIGIN);
    expect(readActions(doc)).toEqual([]);
    expect(() => updateActionItem(doc, t.ctx, id, { owner: 'Grace' })).toThrow(/damaged.*priority/);
    expect(updateActionItem(doc, t.ctx, id, { priority: 'P3' })).toBe(true);
    expect(actionsOf(doc).get(0).get('priority')).toBe('P3');
    expect(readActions(doc)[0]!.priority).toBe('P3');
  });

  it.each([
    ['an empty owner', { owner: '  ' }],
    ['a due date in the wrong format', { due: '30/04/2024' }],
    ['an impossible due date', { due: '2024-02-30' }],
    ['an unknown status', { status: 'closed' }],
    ['an unknown priority', { priority: 'P0' }],
    ['an empty title', { title: '' }],
    ['nothing to change', {}],
    ['a field that is not editable', { createdBy: { name: 'x', deviceId: 'y' } }],
    ['a status of the wrong type', { status: 3 }],
  ])('refuses %s and leaves the item as it was', (_what, patch) => {
    expectRefused(doc, () => updateActionItem(doc, t.ctx, id, patch as never), 'invalid_input');
  });

  it('refuses an item that does not exist', () => {
    expectRefused(doc, () => updateActionItem(doc, t.ctx, 'nope', { status: 'done' }), 'not_found');
  });

  it('refuses before the incident is declared (or synced)', () => {
    const empty = newDoc('other');
    expectRefused(empty, () => updateActionItem(empty, t.ctx, id, { status: 'done' }), 'not_declared');
  });
});
