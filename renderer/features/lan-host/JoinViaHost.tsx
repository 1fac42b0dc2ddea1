import { useState, type FormEvent } from 'react';
import type { DiscoveredHost } from '@shared/platform/lan';
import { errorMessage } from '../../data/use-run-op';
import { useAppStore } from '../../store/app-store';
import { useSyncManager } from '../../sync';
import { inviteViaHost } from './lan-share';
import { useModalDialog } from '../../ui/use-modal-dialog';

/**
 * Join a room found on the LAN: the invite (room and password) is pasted, the
 * host only says where to meet. mDNS answers are unauthenticated, so the secret
 * never comes from the network.
 */
export const JoinViaHost = ({ host, onClose }: { host: DiscoveredHost; onClose: () => void }) => {
  const ref = useModalDialog();
  const sync = useSyncManager();
  const navigate = useAppStore((s) => s.navigate);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const invite = await sync.join(inviteViaHost(code, host));
      onClose();
      navigate({ name: 'incident', incidentId: invite.incidentId });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog ref={ref} className="dialog lan-join" aria-labelledby="lan-join-heading" onClose={onClose}>
      <form onSubmit={(e) => void submit(e)}>
        <h2 id="lan-join-heading">Join {host.name}</h2>
        <label className="field">
          <span>Invite code from {host.name}</span>
          <textarea rows={4} value={code} onChange={(e) => setCode(e.target.value)} placeholder="warroom1.…" spellCheck={false} autoFocus required />
        </label>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            Join
          </button>
        </div>
      </form>
    </dialog>
  );
};
