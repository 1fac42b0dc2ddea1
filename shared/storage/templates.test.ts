import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { deleteTemplate, listTemplates, saveTemplate } from './templates';
import { openWarroomDb } from './database';
import { closeAll, openTestDb } from '../testing/storage';
import { T0 } from '../testing/fixtures';
import { isDomainError } from '../core/errors';

afterEach(closeAll);

const input = { name: 'DB failover', kind: 'custom' as const, severities: ['SEV1' as const], steps: [{ title: 'Fail over', risky: true, rollback: 'Fail back' }] };

describe('runbook templates on the device', () => {
  it('creates, lists (by name), replaces and deletes', async () => {
    const { db } = openTestDb('tpl');
    const a = await saveTemplate(db, input, T0);
    await saveTemplate(db, { ...input, name: 'Cache flush' }, T0 + 1);
    expect(a.id).toMatch(/^tpl-/);
    expect(a.steps[0]).toEqual({ title: 'Fail over', detail: '', risky: true, rollback: 'Fail back' });
    expect((await listTemplates(db)).map((t) => t.name)).toEqual(['Cache flush', 'DB failover']);

    const replaced = await saveTemplate(db, { ...input, id: a.id, name: 'DB failover v2' }, T0 + 5);
    expect(replaced).toMatchObject({ id: a.id, createdAt: T0, updatedAt: T0 + 5 });
    expect((await listTemplates(db)).map((t) => t.name)).toEqual(['Cache flush', 'DB failover v2']);

    await deleteTemplate(db, a.id);
    expect((await listTemplates(db)).map((t) => t.name)).toEqual(['Cache flush']);
  });

  it('refuses invalid templates and built-in ids before writing', async () => {
    const { db } = openTestDb('tpl');
    for (const bad of [{ ...input, steps: [] }, { ...input, name: ' ' }, { ...input, id: 'default:major' }, { ...input, kind: 'weird' }]) {
      const e = await saveTemplate(db, bad as never, T0).catch((x: unknown) => x);
      expect(isDomainError(e), JSON.stringify(bad)).toBe(true);
    }
    await expect(deleteTemplate(db, 'default:major')).rejects.toThrow(/Built-in/);
    expect(await db.templates.count()).toBe(0);
  });

  it('skips rows that do not read as templates', async () => {
    const { db } = openTestDb('tpl');
    await db.templates.put({ id: 'junk', name: 'x' } as never);
    await saveTemplate(db, input, T0);
    expect((await listTemplates(db)).map((t) => t.name)).toEqual(['DB failover']);
  });
});

describe('database upgrade', () => {
  it('a version 1 database gains the templates table and keeps its incidents and document updates', async () => {
    const name = `upgrade-${Math.random().toString(36).slice(2)}`;
    const v1 = new Dexie(name, { indexedDB, IDBKeyRange });
    v1.version(1).stores({ incidents: 'id, updatedAt', docUpdates: '++seq, [incidentId+seq]', profile: 'key' });
    const incident = { id: 'inc-1', title: 'Old one', severity: 'SEV2', status: 'resolved', drill: false, declaredAt: T0, resolvedAt: T0 + 1, updatedAt: T0 + 2, commander: 'Ada' };
    await v1.table('incidents').put(incident);
    await v1.table('docUpdates').bulkAdd([
      { incidentId: 'inc-1', update: new Uint8Array([1, 2, 3]) },
      { incidentId: 'inc-1', update: new Uint8Array([4, 5]) },
    ]);
    await v1.table('profile').put({ key: 'local', name: 'Ada', deviceId: 'dev-a', color: '#fff' });
    v1.close();

    const db = openWarroomDb({ indexedDB, IDBKeyRange }, name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(2);
    expect(db.tables.map((t) => t.name)).toContain('templates');
    expect(await db.incidents.get('inc-1')).toEqual(incident);
    const updates = await db.docUpdates.where('[incidentId+seq]').between(['inc-1', 0], ['inc-1', Infinity]).toArray();
    expect(updates.map((u) => Array.from(u.update))).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
    expect((await db.profile.get('local'))?.name).toBe('Ada');
    const saved = await saveTemplate(db, input, T0);
    expect((await listTemplates(db)).map((t) => t.id)).toEqual([saved.id]);
    db.close();
  });
});
