import { useState } from 'react';
import { archiveIncident } from '@shared/storage/archive';
import { useServices } from '../../data/services';
import { errorMessage } from '../../data/use-run-op';
import { useAppStore } from '../../store/app-store';
import { useModalDialog, whenStillClosed } from '../../ui/use-modal-dialog';
import { deleteIncident } from './remove-incident';

export type Removal = 'archive' | 'delete';

const WHAT: Record<Removal, { heading: (t: string) => string; body: string[]; confirm: string; done: (t: string) => string }> = {
  archive: {
    heading: (t) => `Archive “${t}”?`,
    body: [
      'It leaves the incident list and the metrics on this device. Nothing is deleted: “Show archived” in the list brings it back, and it still syncs when you open it.',
      'Nothing changes for anyone else.',
    ],
    confirm: 'Archive',
    done: (t) => `Archived “${t}”. “Show archived” in the list brings it back.`,
  },
  delete: {
    heading: (t) => `Delete “${t}” from this device?`,
    body: [
      'Its timeline, runbook, postmortem and action items, its stored history and its invite are removed from this device. This cannot be undone here: export it first if you want a file.',
      'It does not reach into other copies: everyone you shared it with keeps theirs, and so does a relay.',
    ],
    confirm: 'Delete from this device',
    done: (t) => `Deleted “${t}” from this device.`,
  },
};

/** The confirmation for archiving or deleting an incident; it names the incident and says what happens to other copies. */
export const RemoveIncidentDialog = ({ incidentId, title, removal, onClose }: { incidentId: string; title: string; removal: Removal; onClose: () => void }) => {
  const ref = useModalDialog(true, '.remove-cancel');
  const services = useServices();
  const navigate = useAppStore((s) => s.navigate);
  const pushNotice = useAppStore((s) => s.pushNotice);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const what = WHAT[removal];

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      if (removal === 'archive') {
        await archiveIncident(services.db, incidentId, Date.now());
        navigate({ name: 'list' });
      } else {
        // Out of the war room first: nothing on screen may hold the document while it goes.
        navigate({ name: 'list' });
        await deleteIncident(services, incidentId);
      }
      pushNotice('info', what.done(title));
      onClose();
    } catch (e) {
      setError(`Could not ${removal} it: ${errorMessage(e)}`);
      setBusy(false);
    }
  };

  return (
    <dialog ref={ref} className="dialog remove-dialog" aria-labelledby="remove-heading" aria-describedby="remove-body" onClose={whenStillClosed(onClose)}>
      <h2 id="remove-heading">{what.heading(title)}</h2>
      <div id="remove-body">
        {what.body.map((p) => (
          <p key={p}>{p}</p>
        ))}
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="remove-cancel" onClick={onClose} disabled={busy}>
          Cancel
        </button>
        <button type="button" className={removal === 'delete' ? 'danger' : 'primary'} onClick={() => void confirm()} disabled={busy}>
          {what.confirm}
        </button>
      </div>
    </dialog>
  );
};
