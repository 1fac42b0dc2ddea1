import type { UnsavedBackup } from '@shared/storage/doc-persistence';

/*
 * Updates IndexedDB has not taken yet, also kept in localStorage (a separate,
 * small store), so that closing or reloading the window while the disk
 * refuses writes does not lose them. Best effort: if localStorage is full as
 * well, the updates are still in memory and the window still asks before
 * closing.
 */

const KEY = (incidentId: string) => `warroom.unsaved.${incidentId}`;

const toBase64 = (bytes: Uint8Array): string => {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
};

const fromBase64 = (text: string): Uint8Array => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

export const localStorageBackup = (storage: Storage = window.localStorage): UnsavedBackup => ({
  save: (incidentId, updates) => {
    try {
      storage.setItem(KEY(incidentId), JSON.stringify(updates.map(toBase64)));
    } catch {
      // Full too: the updates stay in memory, and the unload guard asks before the window closes.
    }
  },
  load: (incidentId) => {
    try {
      const raw = storage.getItem(KEY(incidentId));
      const list: unknown = raw ? JSON.parse(raw) : [];
      return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string').map(fromBase64) : [];
    } catch {
      return [];
    }
  },
  clear: (incidentId) => {
    try {
      storage.removeItem(KEY(incidentId));
    } catch {
      // Nothing to do.
    }
  },
});
