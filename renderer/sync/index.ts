/** Sync: y-webrtc (and an optional relay) on each shared incident's Y.Doc. */
export { SyncManager } from './sync-manager';
export { loadSyncSettings, type SyncSettings } from './sync-settings';
export { installSyncDebugHook, type SyncDebugHook } from './debug-hook';
export { describeSync, describeLastSynced, type SyncSnapshot, type SyncStatus } from './sync-status';
export type { SyncStats } from './incident-sync';
export { useSyncManager, useSyncSnapshot, useShareRow, usePendingJoins, useIncidentAwareness } from './use-sync';
