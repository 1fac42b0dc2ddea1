import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import type * as Y from 'yjs';
import { DocPersistence as DocPersistenceClass, type DocPersistence, type SaveState } from './doc-persistence';
import { StorageError } from './storage-error';
import type { WarroomDb } from './database';
import { declareIncident } from '../domain/incident/incident-ops';
import { addEntry } from '../domain/timeline/timeline-ops';
import { readIncident, readTimeline } from '../schema/read-model';
import { T0, newDoc, testContext, type TestContext } from '../testing/fixtures';
import { closeAll, eventually, openTestDb, reload, rowsOf } from '../testing/storage';

afterEach(closeAll);

const quotaError = () => Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });

/** Make `db.docUpdates.add` (or another table method) throw until the returned function is called. */
const breakMethod = <K extends 'add' | 'put'>(table: WarroomDb['docUpdates'] | WarroomDb['incidents'], method: K, error: () => Error) => {
  const original = table[method];
  (table as unknown as Record<string, unknown>)[method] = () => {
    throw error();
  };
  return () => {
    (table as unknown as Record<string, unknown>)[method] = original;
  };
};

const declared = async (label: string, opts: Parameters<ReturnType<typeof openTestDb>['persist']>[1] = {}) => {
  const tdb = openTestDb(label);
  const doc = newDoc(`inc-${label}`);
  const p = await tdb.persist(doc, { now: () => T0, ...opts });
  const t = testContext(undefined, T0);
  declareIncident(doc, t.ctx, { title: label, severity: 'SEV2' });
  await p.whenSaved();
  return { ...tdb, doc, p, t };
};

const note = (doc: Y.Doc, t: TestContext, text: string) => addEntry(doc, t.ctx, { kind: 'note', text });
const idsAfterReload = async (db: WarroomDb, doc: Y.Doc) => readTimeline(await reload(db, doc.guid)).map((e) => e.id);
const settledSaved = (p: DocPersistence) => eventually(() => p.saveState.kind === 'saved' && p.unsavedCount === 0);

describe('compaction', () => {
  it('folds every row into one and loses nothing', async () => {
    const { db, doc, p, t } = await declared('compact');
    for (let i = 0; i < 6; i++) {
      note(doc, t, `n${i}`);
      await p.whenSaved();
    }
    expect(await rowsOf(db, doc.guid)).toHaveLength(7);
    await p.compact();
    expect(await rowsOf(db, doc.guid)).toHaveLength(1);
    const back = await reload(db, doc.guid);
    expect(readIncident(back)).toEqual(readIncident(doc));
  });

  it('runs by itself after compactAfterRows rows', async () => {
    const { db, doc, p, t } = await declared('auto', { compactAfterRows: 4 });
    for (let i = 0; i < 10; i++) {
      note(doc, t, `n${i}`);
      await p.whenSaved();
    }
    await settledSaved(p);
    expect((await rowsOf(db, doc.guid)).length).toBeLessThan(4);
    expect(readIncident(await reload(db, doc.guid))).toEqual(readIncident(doc));
  });

  it.each([
    ['from inside the compaction transaction', (fn: () => void) => fn()],
    ['from outside it (a peer event)', (fn: () => void) => Dexie.ignoreTransaction(fn)],
  ])('keeps an update made while compaction runs, %s', async (_how, run) => {
    const { db, doc, p, t } = await declared('during');
    for (let i = 0; i < 3; i++) {
      note(doc, t, `n${i}`);
      await p.whenSaved();
    }
    const bulkDelete = db.docUpdates.bulkDelete;
    let during = '';
    db.docUpdates.bulkDelete = ((keys: number[]) => {
      run(() => (during = note(doc, t, 'typed during compaction')));
      return bulkDelete.call(db.docUpdates, keys);
    }) as typeof bulkDelete;
    await p.compact();
    db.docUpdates.bulkDelete = bulkDelete;
    expect(during).not.toBe('');
    await p.whenSaved();
    await settledSaved(p);
    expect(await idsAfterReload(db, doc)).toContain(during);
    expect(readIncident(await reload(db, doc.guid))).toEqual(readIncident(doc));
  });

  it('keeps updates that could not be written yet out of the snapshot and writes them later', async () => {
    const { db, doc, p, t } = await declared('unwritten', { retryDelaysMs: [60_000] });
    note(doc, t, 'on disk');
    await p.whenSaved();
    const heal = breakMethod(db.incidents, 'put', quotaError);
    const pending = note(doc, t, 'not on disk yet');
    await expect(p.whenSaved()).rejects.toBeInstanceOf(StorageError);
    await p.compact();
    expect(await rowsOf(db, doc.guid)).toHaveLength(1);
    expect(await idsAfterReload(db, doc)).not.toContain(pending);
    heal();
    await p.retryNow();
    expect(await idsAfterReload(db, doc)).toContain(pending);
  });
});

describe('write failures', () => {
  it('a quota error reaches the save state and whenSaved, and retryNow writes everything once fixed', async () => {
    const { db, doc, p, t } = await declared('quota', { retryDelaysMs: [60_000] });
    const states: SaveState[] = [];
    p.onSaveState((s) => states.push(s));
    const heal = breakMethod(db.docUpdates, 'add', quotaError);
    const a = note(doc, t, 'first while full');
    const b = note(doc, t, 'second while full');

    const err: unknown = await p.whenSaved().then(
      () => 'resolved',
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(StorageError);
    expect((err as StorageError).kind).toBe('quota');
    expect(p.saveState.kind).toBe('error');
    expect(p.saveState.kind === 'error' && p.saveState.error.kind).toBe('quota');
    expect(states.map((s) => s.kind)).toEqual(['saving', 'error']);
    expect(p.unsavedCount).toBe(2);
    await expect(p.whenSaved()).rejects.toBeInstanceOf(StorageError);

    const c = note(doc, t, 'third while full');
    expect(p.saveState.kind).toBe('error');
    expect(await idsAfterReload(db, doc)).not.toContain(a);

    heal();
    await p.retryNow();
    expect(p.saveState.kind).toBe('saved');
    expect(p.unsavedCount).toBe(0);
    const ids = await idsAfterReload(db, doc);
    expect(ids).toEqual(expect.arrayContaining([a, b, c]));
    expect(readIncident(await reload(db, doc.guid))).toEqual(readIncident(doc));
  });

  it('retries by itself with back-off until the write succeeds', async () => {
    const { db, doc, p, t } = await declared('backoff', { retryDelaysMs: [5, 10] });
    const states: string[] = [];
    p.onSaveState((s) => states.push(s.kind === 'error' ? `error:${s.error.kind}` : s.kind));
    const add = db.docUpdates.add;
    let failures = 0;
    db.docUpdates.add = ((...args: Parameters<typeof add>) => {
      if (failures < 3) {
        failures += 1;
        throw quotaError();
      }
      return add.apply(db.docUpdates, args);
    }) as typeof add;
    const id = note(doc, t, 'eventually saved');
    await eventually(() => p.saveState.kind === 'saved');
    expect(failures).toBe(3);
    expect(states).toEqual(['saving', 'error:quota', 'saved']);
    expect(await idsAfterReload(db, doc)).toContain(id);
  });

  it('an error is not hidden by new edits and is kept until a write succeeds', async () => {
    const { db, doc, p, t } = await declared('sticky', { retryDelaysMs: [60_000] });
    const heal = breakMethod(db.docUpdates, 'add', () => Object.assign(new Error('closed'), { name: 'DatabaseClosedError' }));
    note(doc, t, 'x');
    await p.whenSaved().catch(() => undefined);
    expect(p.saveState.kind === 'error' && p.saveState.error.kind).toBe('closed');
    for (let i = 0; i < 3; i++) note(doc, t, `y${i}`);
    await new Promise((r) => setTimeout(() => r(null), 20));
    expect(p.saveState.kind).toBe('error');
    heal();
    await p.retryNow();
    expect(p.saveState.kind).toBe('saved');
    expect(await idsAfterReload(db, doc)).toHaveLength(5);
  });

  it('destroy reports that queued updates could not be written', async () => {
    const { db, doc, p, t } = await declared('destroy-fail', { retryDelaysMs: [60_000] });
    breakMethod(db.docUpdates, 'add', quotaError);
    note(doc, t, 'lost on close');
    await expect(p.destroy()).rejects.toMatchObject({ kind: 'quota' });
  });
});

describe('damaged stored rows', () => {
  it('are set aside in the quarantine table while every good row loads', async () => {
    const { db, doc, p, t } = await declared('corrupt');
    note(doc, t, 'kept before');
    await p.whenSaved();
    await db.docUpdates.add({ incidentId: doc.guid, update: new Uint8Array([0, 255, 1, 7, 99, 3]) });
    await db.docUpdates.add({ incidentId: doc.guid, update: 'not bytes' as unknown as Uint8Array });
    note(doc, t, 'kept after');
    await p.whenSaved();
    const back = newDoc(doc.guid);
    const again = await DocPersistenceClass.open(db, back);
    expect(readTimeline(back).map((e) => e.text)).toEqual(expect.arrayContaining(['kept before', 'kept after']));
    expect(again.loadReport.quarantined).toBe(2);
    const aside = await db.quarantine.where('incidentId').equals(doc.guid).toArray();
    expect(aside).toHaveLength(2);
    expect(aside.every((a) => a.reason.length > 0)).toBe(true);
    // Not read again next time, and never deleted.
    await again.destroy();
    const third = await DocPersistenceClass.open(db, newDoc(doc.guid));
    expect(third.loadReport.quarantined).toBe(0);
    await third.destroy();
    expect(await db.quarantine.count()).toBe(2);
  });
});

describe('the backup of unsaved changes', () => {
  const memoryBackup = () => {
    const kept = new Map<string, Uint8Array[]>();
    return { kept, save: (id: string, u: Uint8Array[]) => void kept.set(id, [...u]), load: (id: string) => kept.get(id) ?? [], clear: (id: string) => void kept.delete(id) };
  };

  it('holds what the disk refused, and a reload applies it and writes it once the disk works again', async () => {
    const backup = memoryBackup();
    const { db, doc, p, t } = await declared('backup', { backup, retryDelaysMs: [60_000] });
    const restore = breakMethod(db.docUpdates, 'add', quotaError);
    note(doc, t, 'typed while the disk was full');
    await eventually(() => p.saveState.kind === 'error');
    expect(backup.load(doc.guid).length).toBeGreaterThan(0);
    // The window goes away with the change only in memory and in the backup.
    await Promise.race([p.destroy(), Promise.resolve()]);
    restore();
    const back = newDoc(doc.guid);
    const again = await DocPersistenceClass.open(db, back, { backup });
    expect(again.loadReport.recovered).toBeGreaterThan(0);
    expect(readTimeline(back).map((e) => e.text)).toContain('typed while the disk was full');
    await again.whenSaved();
    expect(backup.load(doc.guid)).toEqual([]);
    await again.destroy();
    expect(readTimeline(await reload(db, doc.guid)).map((e) => e.text)).toContain('typed while the disk was full');
  });

  it('rewriteAll puts the whole document back after the database was emptied elsewhere', async () => {
    const { db, doc, p, t } = await declared('rewrite');
    note(doc, t, 'still in memory');
    await p.whenSaved();
    await db.docUpdates.clear();
    await db.incidents.clear();
    await p.rewriteAll();
    expect(readTimeline(await reload(db, doc.guid)).map((e) => e.text)).toContain('still in memory');
    expect(await db.incidents.get(doc.guid)).toMatchObject({ title: 'rewrite' });
  });
});
