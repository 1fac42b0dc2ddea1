import { useLiveQuery } from 'dexie-react-hooks';
import type { IncidentRow } from '@shared/storage/database';
import { useServices } from './services';

/**
 * Incidents, most recently updated first; undefined while loading. Archived
 * incidents (shared/storage/archive.ts) are left out unless asked for.
 */
export const useIncidentRows = (includeArchived = false): IncidentRow[] | undefined => {
  const { db } = useServices();
  return useLiveQuery(async () => {
    const [rows, archived] = await Promise.all([db.incidents.orderBy('updatedAt').reverse().toArray(), db.archived.toCollection().primaryKeys()]);
    if (includeArchived || archived.length === 0) return rows;
    const hidden = new Set(archived);
    return rows.filter((r) => !hidden.has(r.id));
  }, [db, includeArchived]);
};
