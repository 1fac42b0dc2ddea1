import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { indexRowFromDoc } from './incident-index';
import { declareIncident, setDrill, setSeverity, setStatus, setTitle } from '../domain/incident/incident-ops';
import { assignRole, releaseRole } from '../domain/roles/role-ops';
import { addEntry } from '../domain/timeline/timeline-ops';
import { REMOTE_ORIGIN } from '../core/origins';
import { timelineOf } from '../schema/incident-doc';
import { MINUTE, T0, newDoc, testContext } from '../testing/fixtures';
import { closeAll, openTestDb, rowsOf } from '../testing/storage';

afterEach(closeAll);

const bob = { name: 'Bob', deviceId: 'dev-b' };

describe('indexRowFromDoc', () => {
  it('is null before the incident is declared', () => {
    expect(indexRowFromDoc(newDoc(), T0)).toBeNull();
  });

  it('projects meta, lifecycle and the commander', () => {
    const doc = newDoc('inc-row');
    const t = testContext(undefined, T0);
    declareIncident(doc, t.ctx, { title: 'DB down', severity: 'SEV1', drill: true });
    expect(indexRowFromDoc(doc, T0 + 5)).toEqual({
      id: 'inc-row',
      title: 'DB down',
      severity: 'SEV1',
      status: 'investigating',
      drill: true,
      declaredAt: T0,
      resolvedAt: null,
      updatedAt: T0 + 5,
      commander: null,
      lifecycle: { declared: T0 },
      searchText: 'db declared down drill sev1',
    });
    assignRole(doc, t.ctx, 'scribe', { name: 'Sam', deviceId: 's' });
    assignRole(doc, t.ctx, 'commander', bob);
    t.advance(MINUTE);
    setStatus(doc, t.ctx, 'resolved');
    expect(indexRowFromDoc(doc, T0)).toMatchObject({ commander: 'Bob', status: 'resolved', resolvedAt: T0 + MINUTE });
  });

  it('carries the distinct words of the timeline for searching, and every lifecycle milestone', () => {
    const doc = newDoc('inc-words');
    const t = testContext(undefined, T0);
    declareIncident(doc, t.ctx, { title: 'Checkout', severity: 'SEV2', startedAt: T0 - MINUTE });
    addEntry(doc, t.ctx, { kind: 'action', text: 'Rolled back deploy 2024.11.3' });
    addEntry(doc, t.ctx, { kind: 'note', text: 'rolled BACK again' });
    t.advance(MINUTE);
    setStatus(doc, t.ctx, 'monitoring');
    const row = indexRowFromDoc(doc, T0)!;
    const words = row.searchText!.split(' ');
    expect(words).toEqual(expect.arrayContaining(['rolled', 'back', 'deploy', '2024.11.3', 'again']));
    expect(words.filter((w) => w === 'rolled')).toHaveLength(1);
    expect(row.lifecycle).toEqual({ started: T0 - MINUTE, declared: T0, acknowledged: T0 + MINUTE, mitigated: T0 + MINUTE });
  });
});

describe('the incidents table follows the document', () => {
  it('is written with each update and tracks title, severity, status, drill and commander', async () => {
    const { db, persist } = openTestDb('index');
    const doc = newDoc('inc-idx');
    let clock = T0;
    const p = await persist(doc, { now: () => clock });
    const t = testContext(undefined, T0);
    const row = () => db.incidents.get('inc-idx');

    declareIncident(doc, t.ctx, { title: 'Checkout down', severity: 'SEV2' });
    await p.whenSaved();
    expect(await row()).toMatchObject({ title: 'Checkout down', severity: 'SEV2', status: 'investigating', commander: null, updatedAt: T0 });

    clock = T0 + MINUTE;
    t.advance(MINUTE);
    setTitle(doc, t.ctx, 'Payments down');
    setSeverity(doc, t.ctx, 'SEV1');
    assignRole(doc, t.ctx, 'commander', bob);
    await p.whenSaved();
    expect(await row()).toMatchObject({ title: 'Payments down', severity: 'SEV1', commander: 'Bob', updatedAt: T0 + MINUTE });

    t.advance(MINUTE);
    setStatus(doc, t.ctx, 'resolved');
    setDrill(doc, t.ctx, true);
    releaseRole(doc, t.ctx, 'commander');
    await p.whenSaved();
    expect(await row()).toMatchObject({ status: 'resolved', resolvedAt: T0 + 2 * MINUTE, drill: true, commander: null });
    expect(await db.incidents.count()).toBe(1);
  });

  it('picks up changes that arrive from a peer', async () => {
    const { db, persist } = openTestDb('index-remote');
    const local = newDoc('inc-peer');
    const p = await persist(local, { now: () => T0 });
    const peer = newDoc('inc-peer');
    declareIncident(peer, testContext(bob, T0).ctx, { title: 'From a peer', severity: 'SEV4' });
    Y.applyUpdate(local, Y.encodeStateAsUpdate(peer), REMOTE_ORIGIN);
    await p.whenSaved();
    expect(await db.incidents.get('inc-peer')).toMatchObject({ title: 'From a peer', severity: 'SEV4' });
  });

  it('writes no row for an undeclared document, but still keeps its updates', async () => {
    const { db, persist } = openTestDb('index-undeclared');
    const doc = newDoc('inc-none');
    const p = await persist(doc, { now: () => T0 });
    const stray = newDoc('inc-none');
    stray.transact(() => timelineOf(stray).insert(0, [new Y.Map()]));
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(stray), REMOTE_ORIGIN);
    await p.whenSaved();
    expect(await db.incidents.get('inc-none')).toBeUndefined();
    expect(await rowsOf(db, 'inc-none')).toHaveLength(1);
    declareIncident(doc, testContext().ctx, { title: 'now declared', severity: 'SEV3' });
    addEntry(doc, testContext().ctx, { kind: 'note', text: 'x' });
    await p.whenSaved();
    expect(await db.incidents.get('inc-none')).toMatchObject({ title: 'now declared' });
  });
});
