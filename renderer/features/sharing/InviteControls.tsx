import { useState } from 'react';
import type { ShareRow } from '@shared/storage/shares';
import { errorMessage } from '../../data/use-run-op';
import { useProfile } from '../../data/use-profile';
import { useSyncManager } from '../../sync';

type Asking = null | 'new-invite' | 'stop';

/**
 * "New invite" (a new secret: the old code stops working for new joins) and
 * "Stop sharing" (leave the room and forget the code), each confirmed first.
 * Only the device that made the invite can replace it; anyone can leave.
 */
export const InviteControls = ({ row, onStopped }: { row: ShareRow; onStopped: () => void }) => {
  const sync = useSyncManager();
  const { name } = useProfile();
  const [asking, setAsking] = useState<Asking>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const host = row.role === 'host';

  const run = async (what: Exclude<Asking, null>) => {
    setBusy(true);
    setMessage(null);
    try {
      if (what === 'new-invite') {
        await sync.newInvite(row.incidentId, name);
        setMessage({ tone: 'ok', text: 'New invite made. The old one no longer lets anyone join; hand out this one.' });
      } else {
        await sync.stopSharing(row.incidentId, name);
        onStopped();
        return;
      }
    } catch (e) {
      setMessage({ tone: 'error', text: errorMessage(e) });
    } finally {
      setBusy(false);
      setAsking(null);
    }
  };

  return (
    <div className="invite-controls">
      {asking === null && (
        <div className="dialog-actions">
          {host && (
            <button type="button" onClick={() => setAsking('new-invite')}>
              New invite…
            </button>
          )}
          <button type="button" className="danger" onClick={() => setAsking('stop')}>
            {host ? 'Stop sharing…' : 'Stop syncing here…'}
          </button>
        </div>
      )}
      {asking !== null && (
        <div role="group" aria-labelledby="invite-confirm-text" className="invite-confirm">
          <p id="invite-confirm-text">
            {asking === 'new-invite'
              ? 'The current invite will stop working for new joins. Peers connected now are told it was replaced and leave the old room; they need the new code to keep syncing. Everyone keeps their copy.'
              : host
                ? 'This device leaves the room and forgets the invite. Peers connected now are told you stopped sharing and leave it too. Everyone keeps their copy of the incident.'
                : 'This device leaves the room and forgets the invite; the others keep syncing with each other. Your copy stays on this device.'}
          </p>
          <div className="dialog-actions">
            <button type="button" onClick={() => setAsking(null)} disabled={busy}>
              Cancel
            </button>
            <button type="button" className={asking === 'stop' ? 'danger' : 'primary'} onClick={() => void run(asking)} disabled={busy}>
              {asking === 'new-invite' ? 'Make a new invite' : host ? 'Stop sharing' : 'Stop syncing here'}
            </button>
          </div>
        </div>
      )}
      {message && (
        <p className={message.tone === 'error' ? 'error' : 'sharing-ok'} role={message.tone === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </div>
  );
};
