/**
 * Transaction origins. Every Yjs write passes one of these to `doc.transact`.
 * The undo journal (shared/domain/undo) records only LOCAL_ORIGIN, so a user
 * can never undo a peer's work, a storage load or an import.
 */
export const LOCAL_ORIGIN = 'warroom:local';
/** Applying updates read back from IndexedDB; must not be written again. */
export const STORAGE_ORIGIN = 'warroom:storage';
/** Applying updates received from a peer or relay. */
export const REMOTE_ORIGIN = 'warroom:remote';
/** Applying a validated import. */
export const IMPORT_ORIGIN = 'warroom:import';
/** The logged change that undoes one of this user's own changes (never an erasure: see the undo journal). */
export const UNDO_ORIGIN = 'warroom:undo';
/** Changes that were in memory but not on disk when the window went away, applied again from their backup. */
export const RECOVERY_ORIGIN = 'warroom:recovery';
/** Changes from another tab or window of the same browser profile (same database, same device). */
export const TAB_ORIGIN = 'warroom:tab';
/** Putting back what a peer's change deleted, from this window's copy (see the deletion guard). */
export const RESTORE_ORIGIN = 'warroom:restore';
/** The logged change that redoes one this user undid. */
export const REDO_ORIGIN = 'warroom:redo';

export type WarroomOrigin =
  | typeof LOCAL_ORIGIN
  | typeof STORAGE_ORIGIN
  | typeof REMOTE_ORIGIN
  | typeof IMPORT_ORIGIN
  | typeof RECOVERY_ORIGIN
  | typeof RESTORE_ORIGIN
  | typeof TAB_ORIGIN
  | typeof UNDO_ORIGIN
  | typeof REDO_ORIGIN;
