import type { WarroomDb } from './database';

/**
 * An incident archived on this device: it leaves the incident list and the
 * metrics unless they are asked to show archived ones. A local choice, like
 * which folder a mail is in: it is not part of the incident document, peers
 * never see it, and the incident keeps syncing when opened. Kept in its own
 * table because the incident-list row is rewritten from the document on every
 * save.
 */
export interface ArchivedRow {
  incidentId: string;
  archivedAt: number;
}

export const archiveIncident = async (db: WarroomDb, incidentId: string, now: number): Promise<void> => {
  await db.archived.put({ incidentId, archivedAt: now });
};

export const unarchiveIncident = async (db: WarroomDb, incidentId: string): Promise<void> => {
  await db.archived.delete(incidentId);
};

/** Ids of the archived incidents. */
export const archivedIds = async (db: WarroomDb): Promise<Set<string>> => new Set(await db.archived.toCollection().primaryKeys());
