import Dexie from 'dexie';
import type { WarroomDb } from './database';

/**
 * Delete an incident from this device: its list row, its whole update log
 * (the document), its share (room and password) and its archive mark, in one
 * transaction, so nothing is left half deleted. Peers keep their own copies:
 * nothing here reaches them. The caller stops the incident's sync and
 * persistence first, or a late update would write the document back.
 */
export const deleteIncidentData = (db: WarroomDb, incidentId: string): Promise<void> =>
  db.transaction('rw', [db.incidents, db.docUpdates, db.shares, db.archived], async () => {
    await db.docUpdates.where('[incidentId+seq]').between([incidentId, Dexie.minKey], [incidentId, Dexie.maxKey]).delete();
    await db.incidents.delete(incidentId);
    await db.shares.delete(incidentId);
    await db.archived.delete(incidentId);
  });
