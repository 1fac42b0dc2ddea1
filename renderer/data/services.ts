import { createContext, useContext } from 'react';
import { openWarroomDb, type WarroomDb } from '@shared/storage/database';
import { loadOrCreateProfile } from '@shared/storage/profile';
import type { ProfileRow } from '@shared/storage/database';
import { IncidentRegistry } from './incident-registry';
import { SyncManager } from '../sync/sync-manager';
import { loadSyncSettings } from '../sync/sync-settings';
import { installSyncDebugHook } from '../sync/debug-hook';
import { platform } from '../platform';
import { useAppStore } from '../store/app-store';
import { localStorageBackup } from './unsaved-backup';
import { recoverFromDeletion } from './database-recovery';
import { watchDeletions } from '@shared/domain/guard/deletion-guard';
import { syncTabs } from './tab-sync';
import { IMPORT_ORIGIN, LOCAL_ORIGIN, RECOVERY_ORIGIN, REDO_ORIGIN, RESTORE_ORIGIN, STORAGE_ORIGIN, TAB_ORIGIN, UNDO_ORIGIN } from '@shared/core/origins';

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
  const registry = new IncidentRegistry(db, localStorageBackup());
  const sync = new SyncManager(db, registry, loadSyncSettings(), lanSignaling);
  const tell = (tone: 'info' | 'error', text: string) => useAppStore.getState().pushNotice(tone, text);
  let profile = initialProfile;
  db.profile.hook('updating', (mods, _key, row) => void (profile = { ...row, ...(mods as Partial<ProfileRow>) }));
  recoverFromDeletion(db, registry, { profile: () => profile, shares: () => sync.shareRows() }, (m) => tell('error', m));
  // Another tab of this profile is this person too: their postmortem edits are not a peer's deletion.
  const own = new Set<unknown>([LOCAL_ORIGIN, STORAGE_ORIGIN, UNDO_ORIGIN, REDO_ORIGIN, RECOVERY_ORIGIN, RESTORE_ORIGIN, TAB_ORIGIN]);
  registry.onOpened(({ id, doc }) => {
    syncTabs(doc);
    watchDeletions(doc, own, Date.now, (d) => {
      const source = d.origin === IMPORT_ORIGIN ? 'an import' : sync.describeOrigin(id, d.origin);
      useAppStore.getState().addDeletion(id, d, source);
    });
  });
  registry.onOpened(({ persistence }) => {
    const { quarantined, recovered } = persistence.loadReport;
    if (quarantined > 0) {
      tell('error', `${quarantined === 1 ? 'One stored change' : `${quarantined} stored changes`} of this incident could not be read and ${quarantined === 1 ? 'was' : 'were'} set aside (kept in the quarantine table, not deleted); everything else loaded.`);
    }
    if (recovered > 0) tell('info', `Recovered ${recovered === 1 ? 'a change' : `${recovered} changes`} that had not reached the disk before this window last closed.`);
  });
  installSyncDebugHook(sync, registry, db);
  return { db, registry, sync, initialProfile };
};

export const ServicesContext = createContext<Services | null>(null);

export const useServices = (): Services => {
  const s = useContext(ServicesContext);
  if (!s) throw new Error('useServices outside ServicesContext');
  return s;
};
