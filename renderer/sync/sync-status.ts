/**
 * What the connection indicator says, derived from a snapshot of the providers.
 * Pure, so every state is unit tested without a network.
 */
export interface SyncSnapshot {
  shared: boolean;
  paused: boolean;
  /** navigator.onLine: false means no network interface is up. */
  online: boolean;
  /** null when WebRTC is not used (an invite with only a relay). */
  signaling: { total: number; connected: number; failing: number } | null;
  peers: number;
  /** Connected peers that are not Warroom (no chunked messages) and were sent something too big for their channel. */
  cannotReceive?: number;
  relay: 'connected' | 'connecting' | 'disconnected' | null;
  relaySynced: boolean;
  lastSyncedAt: number | null;
}

export type SyncState = 'local' | 'offline' | 'connecting' | 'online';

export interface SyncStatus {
  state: SyncState;
  label: string;
  /** Longer explanation for the tooltip and screen readers. */
  detail: string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export const describeSync = (s: SyncSnapshot): SyncStatus => {
  if (!s.shared) return { state: 'local', label: 'Not shared', detail: 'Only on this device. Share it to work on it with others.' };
  if (s.paused) return { state: 'offline', label: 'Offline', detail: 'Sync is paused. Edits are saved here and merge when you reconnect.' };
  const relayUp = s.relay === 'connected';
  if (s.peers > 0 || relayUp) {
    const parts = [plural(s.peers, 'peer')];
    if (s.relay) parts.push(relayUp ? (s.relaySynced ? 'relay' : 'relay (syncing)') : 'relay down');
    return {
      state: 'online',
      label: parts.join(' + '),
      detail: `Connected to ${plural(s.peers, 'peer')} directly${relayUp ? ' and to the relay' : ''}.`,
    };
  }
  const sig = s.signaling;
  const signalingDown = !sig || sig.total === 0 || (sig.connected === 0 && sig.failing === sig.total);
  const relayDown = s.relay === null || s.relay === 'disconnected';
  if (!s.online || (signalingDown && relayDown)) {
    return {
      state: 'offline',
      label: 'Offline',
      detail: !s.online
        ? 'No network. Edits are saved here and merge when the network is back.'
        : 'Cannot reach the signaling server or relay; retrying. Edits are saved here and merge later.',
    };
  }
  return {
    state: 'connecting',
    label: 'Connecting…',
    detail: sig && sig.connected > 0 ? 'Reached the signaling server; looking for peers.' : 'Reaching the signaling server or relay…',
  };
};

/** "synced 14:32:05", or nothing before the first sync. */
export const describeLastSynced = (at: number | null, format: (t: number) => string): string | null =>
  at === null ? null : `Last synced ${format(at)}`;
