import { useCallback, useSyncExternalStore } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Awareness } from 'y-protocols/awareness';
import type { ShareRow } from '@shared/storage/shares';
import type { IncidentHandle } from '../data/incident-registry';
import { useServices } from '../data/services';
import type { SyncSnapshot } from './sync-status';

export const useSyncManager = () => useServices().sync;

/** The connection state of one incident; re-renders only when it changes. */
export const useSyncSnapshot = (incidentId: string): SyncSnapshot => {
  const sync = useSyncManager();
  const get = useCallback(() => sync.snapshot(incidentId), [sync, incidentId]);
  return useSyncExternalStore(sync.subscribe, get);
};

/** The incident's share row (undefined while loading, null when not shared). */
export const useShareRow = (incidentId: string): ShareRow | null | undefined => {
  const { db } = useServices();
  return useLiveQuery(async () => (await db.shares.get(incidentId)) ?? null, [db, incidentId]);
};

/** Shares of incidents this device joined but has not received yet (no list row). */
export const usePendingJoins = (): ShareRow[] | undefined => {
  const { db } = useServices();
  return useLiveQuery(async () => {
    const shares = await db.shares.toArray();
    const present = new Set(await db.incidents.where('id').anyOf(shares.map((s) => s.incidentId)).primaryKeys());
    return shares.filter((s) => !present.has(s.incidentId)).sort((a, b) => b.createdAt - a.createdAt);
  }, [db]);
};

/** The awareness (presence) of an open incident, for the presence bar. */
export const useIncidentAwareness = (handle: IncidentHandle): Awareness => useSyncManager().awarenessOf(handle);
