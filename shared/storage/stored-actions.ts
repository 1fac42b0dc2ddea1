import Dexie from 'dexie';
import * as Y from 'yjs';
import { STORAGE_ORIGIN } from '../core/origins';
import { createIncidentDoc } from '../schema/incident-doc';
import { readActions } from '../schema/read-model';
import type { ActionItem } from '../schema/types';
import type { IncidentRow, WarroomDb } from './database';

/**
 * Action items across every incident on this device, for the tracker page.
 *
 * The incident list row does not hold action items, and adding them would mean
 * a schema version and a second copy to keep in step with the document. Reading
 * each document from its stored update log is cheap at the scale of one
 * device's incidents (dozens to a few hundred), so the document stays the only
 * source of truth. If that stops being true, index actions in the same
 * transaction that writes the incident row (see DocPersistence.write).
 */

export interface IncidentAction {
  incident: Pick<IncidentRow, 'id' | 'title' | 'severity' | 'status' | 'drill'>;
  action: ActionItem;
}

/**
 * A read-only copy of a stored incident document, with no persistence attached,
 * so nothing done to it is ever written. Only updates already on disk are seen.
 */
export const loadStoredDoc = async (db: WarroomDb, incidentId: string): Promise<Y.Doc> => {
  const rows = await db.docUpdates
    .where('[incidentId+seq]')
    .between([incidentId, Dexie.minKey], [incidentId, Dexie.maxKey])
    .toArray();
  const doc = createIncidentDoc(incidentId);
  if (rows.length > 0) Y.applyUpdate(doc, Y.mergeUpdates(rows.map((r) => r.update)), STORAGE_ORIGIN);
  return doc;
};

export const actionsAcrossIncidents = async (db: WarroomDb): Promise<IncidentAction[]> => {
  const incidents = await db.incidents.toArray();
  const perIncident = await Promise.all(
    incidents.map(async (row) => {
      const doc = await loadStoredDoc(db, row.id);
      try {
        const { id, title, severity, status, drill } = row;
        return readActions(doc).map((action) => ({ incident: { id, title, severity, status, drill }, action }));
      } finally {
        doc.destroy();
      }
    }),
  );
  return perIncident.flat();
};
