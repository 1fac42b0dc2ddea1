import { createContext, useContext } from 'react';
import { openWarroomDb, type WarroomDb } from '@shared/storage/database';
import { loadOrCreateProfile } from '@shared/storage/profile';
import type { ProfileRow } from '@shared/storage/database';
import { IncidentRegistry } from './incident-registry';
import { SyncManager } from '../sync/sync-manager';
import { loadSyncSettings } from '../sync/sync-settings';
import { installSyncDebugHook } from '../sync/debug-hook';
import { platform } from '../platform';

/** While the desktop app hosts on the LAN, invites name its signaling addresses. */
const lanSignaling = async (): Promise<string[]> => {
  const status = await platform.lanStatus();
  return status.state === 'hosting' ? status.signalingUrls : [];
};

/** Long-lived objects of one window: the database, the open incidents, the local profile. */
export interface Services {
  db: WarroomDb;
  registry: IncidentRegistry;
  /** Peer-to-peer sync of shared incidents (renderer/sync). */
  sync: SyncManager;
  initialProfile: ProfileRow;
}

export const createServices = async (): Promise<Services> => {
  const db = openWarroomDb({ indexedDB: window.indexedDB, IDBKeyRange: window.IDBKeyRange });
  const initialProfile = await loadOrCreateProfile(db);
  const registry = new IncidentRegistry(db);
  const sync = new SyncManager(db, registry, loadSyncSettings(), lanSignaling);
  installSyncDebugHook(sync, registry, db);
  return { db, registry, sync, initialProfile };
};

export const ServicesContext = createContext<Services | null>(null);

export const useServices = (): Services => {
  const s = useContext(ServicesContext);
  if (!s) throw new Error('useServices outside ServicesContext');
  return s;
};
