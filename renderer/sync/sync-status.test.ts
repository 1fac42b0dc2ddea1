import { describe, expect, it } from 'vitest';
import { describeLastSynced, describeSync, type SyncSnapshot } from './sync-status';

const base: SyncSnapshot = {
  shared: true,
  paused: false,
  online: true,
  signaling: { total: 1, connected: 1, failing: 0 },
  peers: 0,
  relay: null,
  relaySynced: false,
  lastSyncedAt: null,
};

describe('connection status', () => {
  it('an incident that is not shared says so', () => {
    expect(describeSync({ ...base, shared: false }).state).toBe('local');
  });

  it('counts peers, and names the relay when there is one', () => {
    expect(describeSync({ ...base, peers: 1 }).label).toBe('1 peer');
    expect(describeSync({ ...base, peers: 3 }).label).toBe('3 peers');
    expect(describeSync({ ...base, peers: 2, relay: 'connected', relaySynced: true })).toMatchObject({ state: 'online', label: '2 peers + relay' });
    expect(describeSync({ ...base, peers: 0, relay: 'connected', relaySynced: false, signaling: null }).label).toBe('0 peers + relay (syncing)');
    expect(describeSync({ ...base, peers: 1, relay: 'connecting' }).label).toBe('1 peer + relay down');
  });

  it('is connecting while signaling is reachable but no peer has answered yet', () => {
    expect(describeSync(base)).toMatchObject({ state: 'connecting', label: 'Connecting…' });
    expect(describeSync({ ...base, signaling: { total: 1, connected: 0, failing: 0 } }).state).toBe('connecting');
    expect(describeSync({ ...base, signaling: null, relay: 'connecting' }).state).toBe('connecting');
  });

  it('is offline when paused, without network, or when every server keeps failing', () => {
    expect(describeSync({ ...base, paused: true, peers: 2 }).state).toBe('offline');
    expect(describeSync({ ...base, online: false }).state).toBe('offline');
    expect(describeSync({ ...base, signaling: { total: 2, connected: 0, failing: 2 } }).state).toBe('offline');
    expect(describeSync({ ...base, signaling: { total: 2, connected: 0, failing: 2 }, relay: 'disconnected' }).state).toBe('offline');
    expect(describeSync({ ...base, signaling: { total: 2, connected: 0, failing: 1 } }).state).toBe('connecting');
  });

  it('shows the last sync time only once there was one', () => {
    expect(describeLastSynced(null, String)).toBeNull();
    expect(describeLastSynced(1234, (t) => `t${t}`)).toBe('Last synced t1234');
  });
});
