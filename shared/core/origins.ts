/**
 * Transaction origins. Every Yjs write passes one of these to `doc.transact`.
 * The UndoManager tracks only LOCAL_ORIGIN, so a user can never undo a peer's
 * work, a storage load or an import.
 */
export const LOCAL_ORIGIN = 'warroom:local';
/** Applying updates read back from IndexedDB; must not be written again. */
export const STORAGE_ORIGIN = 'warroom:storage';
/** Applying updates received from a peer or relay. */
export const REMOTE_ORIGIN = 'warroom:remote';
/** Applying a validated import. */
export const IMPORT_ORIGIN = 'warroom:import';

export type WarroomOrigin = typeof LOCAL_ORIGIN | typeof STORAGE_ORIGIN | typeof REMOTE_ORIGIN | typeof IMPORT_ORIGIN;
