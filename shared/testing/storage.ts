import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import type * as Y from 'yjs';
import { openWarroomDb, type WarroomDb } from '../storage/database';
import { DocPersistence, type PersistenceOptions } from '../storage/doc-persistence';
import { newDoc } from './fixtures';

/*
 * fake-indexeddb databases for the storage tests. Each call gets its own
 * database name; `closeAll` destroys what was opened and closes the databases.
 */

let counter = 0;
const opened: { db: WarroomDb; persistences: DocPersistence[] }[] = [];

export interface TestDb {
  db: WarroomDb;
  /** Stores of every read-write transaction that committed, in order (IndexedDB 'complete' events). */
  commits: string[][];
  persist(doc: Y.Doc, opts?: PersistenceOptions): Promise<DocPersistence>;
}

export const openTestDb = (label = 'test'): TestDb => {
  counter += 1;
  const db = openWarroomDb({ indexedDB, IDBKeyRange }, `${label}-${counter}-${Math.random().toString(36).slice(2)}`);
  const commits: string[][] = [];
  db.use({
    stack: 'dbcore',
    name: 'commit-log',
    create: (down) => ({
      ...down,
      transaction(stores, mode, options) {
        const tx = down.transaction(stores, mode, options);
        const events = tx as unknown as { addEventListener(type: string, fn: () => void): void };
        if (mode === 'readwrite') events.addEventListener('complete', () => commits.push([...stores]));
        return tx;
      },
    }),
  });
  const entry = { db, persistences: [] as DocPersistence[] };
  opened.push(entry);
  return {
    db,
    commits,
    persist: async (doc, opts) => {
      const p = await DocPersistence.open(db, doc, opts);
      entry.persistences.push(p);
      return p;
    },
  };
};

export const closeAll = async (): Promise<void> => {
  for (const { db, persistences } of opened.splice(0)) {
    await Promise.allSettled(persistences.map((p) => p.destroy()));
    db.close();
  }
};

export const rowsOf = (db: WarroomDb, incidentId: string) =>
  db.docUpdates.where('[incidentId+seq]').between([incidentId, 0], [incidentId, Number.POSITIVE_INFINITY]).toArray();

/** Load an incident from `db` into a brand-new Y.Doc, as a restart would. */
export const reload = async (db: WarroomDb, incidentId: string): Promise<Y.Doc> => {
  const doc = newDoc(incidentId);
  const p = await DocPersistence.open(db, doc);
  await p.destroy();
  return doc;
};

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(() => resolve(), ms));

/** Poll `check` until it returns true (async allowed); fails after `timeoutMs`. */
export const eventually = async (check: () => boolean | Promise<boolean>, timeoutMs = 2000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(5);
  }
};
