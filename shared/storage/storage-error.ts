/** Why a write to IndexedDB failed, in words a responder can act on. */
export type StorageErrorKind = 'quota' | 'blocked' | 'version' | 'closed' | 'unknown';

export class StorageError extends Error {
  constructor(
    readonly kind: StorageErrorKind,
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'StorageError';
  }
}

const nameOf = (e: unknown): string => {
  if (typeof e !== 'object' || e === null) return '';
  const inner = (e as { inner?: unknown }).inner;
  const own = (e as { name?: unknown }).name;
  if (typeof own === 'string' && own !== 'AbortError') return own;
  return inner ? nameOf(inner) : typeof own === 'string' ? own : '';
};

/** Map Dexie / DOMException errors onto the few cases the UI explains. */
export const toStorageError = (e: unknown): StorageError => {
  if (e instanceof StorageError) return e;
  const name = nameOf(e);
  const detail = e instanceof Error ? e.message : String(e);
  switch (name) {
    case 'QuotaExceededError':
      return new StorageError('quota', 'The disk or browser storage is full, so this change is not saved yet. Free some space; Warroom keeps retrying.', e);
    case 'BlockedError':
      return new StorageError('blocked', 'Another Warroom window is holding an older version of the database open. Close other Warroom windows and tabs, then reload.', e);
    case 'VersionError':
    case 'VersionChangeError':
      return new StorageError('version', 'A newer version of Warroom changed the local database. Reload this window to continue.', e);
    case 'DatabaseClosedError':
      return new StorageError('closed', 'The local database was closed. Warroom keeps your changes in memory and opens it again.', e);
    case 'AbortError':
    case 'UnknownError':
      // What Chromium reports when the disk under the profile is full: no QuotaExceededError, just an aborted write.
      return new StorageError('quota', 'This change is not saved yet: the browser could not write to the disk, most often because it is full. Free some space; Warroom keeps the change in memory and retries.', e);
    default:
      return new StorageError('unknown', `Saving to local storage failed: ${detail}`, e);
  }
};
