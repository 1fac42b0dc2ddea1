import type { WarroomDb, ProfileRow } from '@shared/storage/database';
import type { IncidentRegistry } from './incident-registry';

/**
 * The local database deleted from another tab or window (site data cleared,
 * a developer tool, another copy of the app): IndexedDB asks this window to
 * close its connection first. Warroom lets the deletion finish, opens a new,
 * empty database, and writes back everything it still holds in memory: every
 * open incident, the profile and the shares; then tells the person what
 * happened. Without this the next entry showed a false "Saved", and after a
 * reload the incident could not be read.
 */
export const recoverFromDeletion = (
  db: WarroomDb,
  registry: IncidentRegistry,
  memory: { profile: () => ProfileRow; shares: () => readonly unknown[] },
  tell: (message: string) => void,
): void => {
  db.on('versionchange', (event) => {
    if (event.newVersion !== null) return; // an upgrade by a newer Warroom: Dexie's default (close) is right
    db.close({ disableAutoOpen: false });
    void (async () => {
      try {
        await db.open();
        await db.profile.put(memory.profile());
        for (const share of memory.shares()) await db.shares.put(share as never);
        await Promise.all(registry.openHandles().map((h) => h.persistence.rewriteAll()));
        tell(
          `The local database was deleted from another tab or window. Warroom had ${registry.openHandles().length === 1 ? 'one open incident' : `${registry.openHandles().length} open incidents`} in memory and has written ${registry.openHandles().length === 1 ? 'it' : 'them'} back, with your profile. Incidents that were not open in this window are gone from this device.`,
        );
      } catch (e) {
        tell(`The local database was deleted from another tab or window, and writing back what this window holds failed: ${e instanceof Error ? e.message : String(e)}. Export open incidents now.`);
      }
    })();
    return false;
  });
};
