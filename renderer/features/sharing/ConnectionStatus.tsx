import { describeLastSynced, describeSync, useSyncManager, useSyncSnapshot } from '../../sync';
import { localClock } from '../../ui/local-time';

/** Offline / connecting / N peers (+ relay), the last sync time, and a switch to go offline. */
export const ConnectionStatus = ({ incidentId }: { incidentId: string }) => {
  const snapshot = useSyncSnapshot(incidentId);
  const sync = useSyncManager();
  const status = describeSync(snapshot);
  // Said, not left out: the incident bar always shows where this incident lives.
  if (status.state === 'local')
    return (
      <span className="sync-status sync-local" data-testid="sync-status" data-state="local" title={status.detail}>
        <span className="sync-label">Only on this device</span>
      </span>
    );
  const last = describeLastSynced(snapshot.lastSyncedAt, localClock);
  return (
    <span className={`sync-status sync-${status.state}`} data-testid="sync-status" data-state={status.state} data-peers={snapshot.peers}>
      <span className="sync-dot" aria-hidden="true" />
      <span role="status" title={status.detail}>
        <span className="sync-label">{status.label}</span>
        <span className="visually-hidden">. {status.detail}</span>
      </span>
      {last && <span className="sync-last">{last}</span>}
      {(snapshot.cannotReceive ?? 0) > 0 && (
        <span className="sync-warning" role="alert" data-testid="peer-cannot-receive">
          {snapshot.cannotReceive === 1 ? 'A connected peer' : `${snapshot.cannotReceive} connected peers`} running plain y-webrtc, not Warroom, cannot receive
          this incident: it is too large for their connection. Use the relay for them.
        </span>
      )}
      <button type="button" className="sync-toggle" onClick={() => sync.setPaused(incidentId, !snapshot.paused)}>
        {snapshot.paused ? 'Reconnect' : 'Go offline'}
      </button>
    </span>
  );
};
