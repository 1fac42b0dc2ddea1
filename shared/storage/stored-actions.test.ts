import { afterEach, describe, expect, it } from 'vitest';
import { addActionItem, updateActionItem } from '../domain/actions/action-ops';
import { declareIncident } from '../domain/incident/incident-ops';
import { readActions } from '../schema/read-model';
import { newDoc, testContext } from '../testing/fixtures';
import { closeAll, openTestDb } from '../testing/storage';
import { actionsAcrossIncidents, loadStoredDoc } from './stored-actions';

afterEach(closeAll);

describe('actionsAcrossIncidents', () => {
  it('lists the saved action items of every incident with the incident they belong to', async () => {
    const t = openTestDb();
    const ctx = testContext().ctx;
    const a = newDoc('inc-a');
    const b = newDoc('inc-b');
    const pa = await t.persist(a);
    const pb = await t.persist(b);
    declareIncident(a, ctx, { title: 'Checkout down', severity: 'SEV1' });
    declareIncident(b, ctx, { title: 'Queue backlog', severity: 'SEV3', drill: true });
    const first = addActionItem(a, ctx, { title: 'Alert on drift', owner: 'Bob', due: '2024-02-01' });
    addActionItem(b, ctx, { title: 'Autoscale workers', owner: 'Grace', due: '2024-03-01', priority: 'P1' });
    updateActionItem(a, ctx, first, { status: 'done' });
    await pa.whenSaved();
    await pb.whenSaved();

    const all = await actionsAcrossIncidents(t.db);
    const byTitle = new Map(all.map((x) => [x.action.title, x]));
    expect(all).toHaveLength(2);
    expect(byTitle.get('Alert on drift')).toMatchObject({ incident: { id: 'inc-a', title: 'Checkout down', severity: 'SEV1' }, action: { status: 'done' } });
    expect(byTitle.get('Autoscale workers')).toMatchObject({ incident: { id: 'inc-b', drill: true }, action: { owner: 'Grace', priority: 'P1' } });
  });

  it('gives an empty list for incidents without action items, and a copy that writes nothing', async () => {
    const t = openTestDb();
    const ctx = testContext().ctx;
    const a = newDoc('inc-a');
    const pa = await t.persist(a);
    declareIncident(a, ctx, { title: 'Checkout down', severity: 'SEV1' });
    await pa.whenSaved();
    expect(await actionsAcrossIncidents(t.db)).toEqual([]);

    const rowsBefore = await t.db.docUpdates.count();
    const copy = await loadStoredDoc(t.db, 'inc-a');
    addActionItem(copy, ctx, { title: 'Only in the copy', owner: 'Bob', due: '2024-02-01' });
    expect(readActions(copy)).toHaveLength(1);
    // Give a persistence, were one attached, the chance to write before looking.
    await new Promise<void>((resolve) => setTimeout(resolve, 20));
    expect(await t.db.docUpdates.count()).toBe(rowsBefore);
  });
});
