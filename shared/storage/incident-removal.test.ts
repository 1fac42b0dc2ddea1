import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import * as Y from 'yjs';
import { declareIncident } from '../domain/incident/incident-ops';
import { newDoc, testContext } from '../testing/fixtures';
import { closeAll, openTestDb } from '../testing/storage';
import { archiveIncident, archivedIds, unarchiveIncident } from './archive';
import { openWarroomDb } from './database';
import { deleteIncidentData } from './incident-removal';
import { createShare, getShare } from './shares';

const opened: Dexie[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) db.close();
  await closeAll();
});

const endpoints = { signaling: ['ws://10.0.0.5:4444'], relays: [] };

/** Two incidents on disk, each with its update log; `gone` also shared and archived. */
const twoIncidents = async () => {
  const t = openTestDb('removal');
  const docs: Y.Doc[] = [];
  for (const [id, title] of [
    ['gone', 'DNS down'],
    ['kept', 'Disk full'],
  ] as const) {
    const doc = newDoc(id);
    docs.push(doc);
    const p = await t.persist(doc);
    declareIncident(doc, testContext().ctx, { title, severity: 'SEV2' });
    await p.whenSaved();
  }
  await createShare(t.db, { incidentId: 'gone', title: 'DNS down', endpoints, now: 1 });
  await createShare(t.db, { incidentId: 'kept', title: 'Disk full', endpoints, now: 1 });
  await archiveIncident(t.db, 'gone', 2);
  return t;
};

describe('deleting an incident from this device', () => {
  it('removes its row, its whole update log, its share and its archive mark, and nothing of another incident', async () => {
    const { db } = await twoIncidents();
    const logOf = (id: string) => db.docUpdates.filter((r) => r.incidentId === id).count();
    expect(await logOf('gone')).toBeGreaterThan(0);

    await deleteIncidentData(db, 'gone');
    expect(await db.incidents.get('gone')).toBeUndefined();
    expect(await logOf('gone')).toBe(0);
    expect(await getShare(db, 'gone')).toBeUndefined();
    expect(await archivedIds(db)).toEqual(new Set());

    expect(await db.incidents.get('kept')).toMatchObject({ title: 'Disk full' });
    expect(await logOf('kept')).toBeGreaterThan(0);
    expect(await getShare(db, 'kept')).toMatchObject({ incidentId: 'kept' });
  });

  it('leaves nothing to load: the same id opens as an empty document', async () => {
    const t = await twoIncidents();
    await deleteIncidentData(t.db, 'gone');
    const doc = new Y.Doc({ guid: 'gone' });
    await t.persist(doc);
    expect(doc.getMap('meta').size).toBe(0);
  });
});

describe('archiving', () => {
  it('marks and unmarks an incident without touching its row or document', async () => {
    const { db } = await twoIncidents();
    expect(await archivedIds(db)).toEqual(new Set(['gone']));
    await archiveIncident(db, 'kept', 3);
    expect(await archivedIds(db)).toEqual(new Set(['gone', 'kept']));
    await unarchiveIncident(db, 'gone');
    expect(await archivedIds(db)).toEqual(new Set(['kept']));
    expect(await db.incidents.get('gone')).toMatchObject({ title: 'DNS down' });
  });

  it('upgrades a version-3 database to an empty archive and an empty quarantine (version 5), keeping every row', async () => {
    const name = `upgrade3-${Math.random()}`;
    const v3 = new Dexie(name, { indexedDB, IDBKeyRange });
    v3.version(1).stores({ incidents: 'id, updatedAt', docUpdates: '++seq, [incidentId+seq]', profile: 'key' });
    v3.version(2).stores({ templates: 'id' });
    v3.version(3).stores({ shares: 'incidentId' });
    await v3.table('incidents').put({ id: 'old', title: 'Old incident', updatedAt: 5 });
    await v3.table('shares').put({ incidentId: 'old', room: 'warroom-x', password: 'p' });
    v3.close();

    const db = openWarroomDb({ indexedDB, IDBKeyRange }, name);
    opened.push(db);
    expect(db.verno).toBe(5);
    expect(await db.incidents.get('old')).toMatchObject({ title: 'Old incident' });
    expect(await db.shares.get('old')).toMatchObject({ room: 'warroom-x' });
    expect(await archivedIds(db)).toEqual(new Set());
    expect(await db.quarantine.count()).toBe(0);
  });
});
