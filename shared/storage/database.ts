import Dexie, { type DexieOptions, type EntityTable } from 'dexie';
import type { Lifecycle, Severity, Status } from '../schema/types';
import type { ArchivedRow } from './archive';
import { readShareRow, type ShareRow } from './shares';
import type { TemplateRow } from './templates';

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
  /*
   * Not indexed (no schema version needed). Rows written before these fields
   * existed lack them until their incident is next saved; readers fall back to
   * the document.
   */
  /** Every lifecycle milestone, for metrics across incidents. */
  lifecycle?: Lifecycle;
  /** Distinct words of the timeline (see incident-search.ts), for searching the list. */
  searchText?: string;
}

/** A stored update that could not be read: kept aside, never deleted, so nothing is lost by loading around it. */
export interface QuarantineRow {
  id?: number;
  incidentId: string;
  update: Uint8Array;
  reason: string;
  at: number;
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
  /**
   * This device's Ed25519 secret key (base64url), which signs its timeline
   * changes (shared/evidence/). Unindexed, so no schema version; a profile
   * saved before it existed gets one on the next start. It never leaves the device.
   */
  signingKey?: string;
}

export type WarroomDb = Dexie & {
  incidents: EntityTable<IncidentRow, 'id'>;
  docUpdates: EntityTable<DocUpdateRow, 'seq'>;
  profile: EntityTable<ProfileRow, 'key'>;
  /** How each shared incident is shared (room, password, servers); see shares.ts. */
  shares: EntityTable<ShareRow, 'incidentId'>;
  /** The team's own runbook templates on this device; see templates.ts. */
  templates: EntityTable<TemplateRow, 'id'>;
  /** Stored updates that failed to load (version 5). */
  quarantine: EntityTable<QuarantineRow, 'id'>;
  /** Incidents this device has archived (out of the list and the metrics); see archive.ts. */
  archived: EntityTable<ArchivedRow, 'incidentId'>;
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
  // Version 2: runbook templates, listed whole (no index beyond the key).
  db.version(2).stores({ templates: 'id' });
  // Version 3: sharing secrets, looked up by incident only.
  db.version(3).stores({ shares: 'incidentId' });
  // Version 4: archived incidents, a local choice kept apart from the row each save rewrites.
  db.version(4).stores({ archived: 'incidentId' });
  // Version 5: stored updates that could not be read, set aside by incident.
  db.version(5).stores({ quarantine: '++id, incidentId' });
  // Rows saved when a share had one relay (`relay`) read as the list (`relays`) they are now.
  db.shares.hook('reading', readShareRow);
  return db;
};
