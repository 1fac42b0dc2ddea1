import Dexie, { type DexieOptions, type EntityTable } from 'dexie';
import type { Severity, Status } from '../schema/types';

/** One row per incident with just what the incident list shows and sorts by. */
export interface IncidentRow {
  id: string;
  title: string;
  severity: Severity;
  status: Status;
  drill: boolean;
  declaredAt: number;
  resolvedAt: number | null;
  updatedAt: number;
  commander: string | null;
}

/** An append-only log of Yjs updates per incident; compaction folds it into one snapshot row. */
export interface DocUpdateRow {
  seq?: number;
  incidentId: string;
  update: Uint8Array;
}

export interface ProfileRow {
  key: 'local';
  name: string;
  deviceId: string;
  color: string;
}

export type WarroomDb = Dexie & {
  incidents: EntityTable<IncidentRow, 'id'>;
  docUpdates: EntityTable<DocUpdateRow, 'seq'>;
  profile: EntityTable<ProfileRow, 'key'>;
};

export const DB_NAME = 'warroom';

export interface IndexedDbFactory {
  indexedDB: NonNullable<DexieOptions['indexedDB']>;
  IDBKeyRange: NonNullable<DexieOptions['IDBKeyRange']>;
}

/**
 * Open the database. The IndexedDB factory is passed in so this module touches
 * no browser globals (the renderer passes the real one, unit tests fake-indexeddb).
 * Transactions use Chromium's 'strict' durability: with the default 'relaxed',
 * a committed write can still be lost if the OS or browser dies right after.
 * Index only what is queried: incidents by updatedAt, updates by incident in order.
 */
export const openWarroomDb = (factory: IndexedDbFactory, name: string = DB_NAME): WarroomDb => {
  const db = new Dexie(name, {
    indexedDB: factory.indexedDB,
    IDBKeyRange: factory.IDBKeyRange,
    chromeTransactionDurability: 'strict',
  }) as WarroomDb;
  db.version(1).stores({
    incidents: 'id, updatedAt',
    docUpdates: '++seq, [incidentId+seq]',
    profile: 'key',
  });
  return db;
};
