import { createContext, useContext } from 'react';
import { openWarroomDb, type WarroomDb } from '@shared/storage/database';
import { loadOrCreateProfile } from '@shared/storage/profile';
import type { ProfileRow } from '@shared/storage/database';
import { IncidentRegistry } from './incident-registry';

/** Long-lived objects of one window: the database, the open incidents, the local profile. */
export interface Services {
  db: WarroomDb;
  registry: IncidentRegistry;
  initialProfile: ProfileRow;
}

export const createServices = async (): Promise<Services> => {
  const db = openWarroomDb({ indexedDB: window.indexedDB, IDBKeyRange: window.IDBKeyRange });
  const initialProfile = await loadOrCreateProfile(db);
  return { db, registry: new IncidentRegistry(db), initialProfile };
};

export const ServicesContext = createContext<Services | null>(null);

export const useServices = (): Services => {
  const s = useContext(ServicesContext);
  if (!s) throw new Error('useServices outside ServicesContext');
  return s;
};
