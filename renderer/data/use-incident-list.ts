import { useLiveQuery } from 'dexie-react-hooks';
import type { IncidentRow } from '@shared/storage/database';
import { useServices } from './services';

/** Incidents, most recently updated first; undefined while loading. */
export const useIncidentRows = (): IncidentRow[] | undefined => {
  const { db } = useServices();
  return useLiveQuery(() => db.incidents.orderBy('updatedAt').reverse().toArray(), [db]);
};
