import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../data/use-run-op';
import { useAppStore } from '../../store/app-store';
import { useSyncManager } from '../../sync';
import { useModalDialog } from '../../ui/use-modal-dialog';

/** Paste an invite; a bad code is explained, a good one opens the incident and syncs it. */
export const JoinDialog = ({ open, onClose }: { open: boolean; onClose: () => void }) => {
  const ref = useModalDialog(open);
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
      const invite = await sync.join(code);
      setCode('');
      onClose();
      navigate({ name: 'incident', incidentId: invite.incidentId });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog ref={ref} className="dialog" aria-labelledby="join-heading" onClose={onClose}>
      <form onSubmit={(e) => void submit(e)}>
        <h2 id="join-heading">Join with invite</h2>
        <label className="field">
          <span>Invite code</span>
          <textarea
            rows={4}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            placeholder="warroom1.…"
            spellCheck={false}
            autoFocus
            required
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'join-error' : undefined}
          />
        </label>
        {error && (
          <p id="join-error" className="error" role="alert">
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
