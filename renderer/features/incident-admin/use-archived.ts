import { useLiveQuery } from 'dexie-react-hooks';
import { useServices } from '../../data/services';

const NONE: ReadonlySet<string> = new Set();

/** The incidents archived on this device, kept current. */
export const useArchivedIds = (): ReadonlySet<string> => {
  const { db } = useServices();
  return useLiveQuery(async () => new Set(await db.archived.toCollection().primaryKeys()), [db]) ?? NONE;
};

export const useIsArchived = (incidentId: string): boolean => useArchivedIds().has(incidentId);
