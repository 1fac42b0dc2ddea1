import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../data/use-run-op';
import { useAppStore } from '../../store/app-store';
import { useSyncManager } from '../../sync';
import { describeInvite } from './describe-invite';
import { useModalDialog } from '../../ui/use-modal-dialog';

/**
 * Confirms an invite before joining. Used for warroom:// links and #join= QR
 * links (which any web page or poster could produce, so joining is never
 * automatic) and for the menu's "Join with invite".
 */
export const InviteDialog = ({ initial, onClose }: { initial: string; onClose: () => void }) => {
  const ref = useModalDialog();
  const sync = useSyncManager();
  const navigate = useAppStore((s) => s.navigate);
  const [code, setCode] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const preview = describeInvite(code);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const invite = await sync.join(code);
      onClose();
      navigate({ name: 'incident', incidentId: invite.incidentId });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog ref={ref} className="dialog invite-dialog" aria-labelledby="invite-dialog-heading" onClose={onClose}>
      <form onSubmit={(e) => void submit(e)}>
        <h2 id="invite-dialog-heading">{initial ? 'Join this incident?' : 'Join with invite'}</h2>
        <label className="field">
          <span>Invite code</span>
          <textarea
            rows={4}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            placeholder="warroom1.…"
            spellCheck={false}
            autoFocus={!initial}
            required
            aria-invalid={preview.ok === false || error ? true : undefined}
            aria-describedby="invite-dialog-preview"
          />
        </label>
        <div id="invite-dialog-preview" role="status">
          {preview.ok === true && (
            <p>
              <strong>{preview.title || 'Untitled incident'}</strong>
              <span className="invite-dim"> — peers meet via {[...preview.hosts, ...preview.relays.map((r) => `relay ${r}`)].join(', ')}</span>
            </p>
          )}
          {preview.ok === false && <p className="error">{preview.error}</p>}
        </div>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <p className="invite-dim">Anyone with this code can read and edit the incident; join only codes from people you trust.</p>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy || preview.ok !== true} autoFocus={Boolean(initial)}>
            Join
          </button>
        </div>
      </form>
    </dialog>
  );
};
