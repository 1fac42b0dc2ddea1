import { useState, type FormEvent } from 'react';
import { SEVERITIES, type Severity } from '@shared/schema/types';
import { declareIncident } from '@shared/domain/incident/incident-ops';
import { randomId } from '@shared/core/context';
import { useServices } from '../../data/services';
import { useOpContext } from '../../data/use-profile';
import { errorMessage } from '../../data/use-run-op';
import { useAppStore } from '../../store/app-store';
import { SEVERITY_HINT } from './severity-hints';
import { useModalDialog, whenStillClosed } from '../../ui/use-modal-dialog';

/** Title and severity, nothing else: declaring must take seconds. */
export const DeclareDialog = ({ open, onClose }: { open: boolean; onClose: () => void }) => {
  const ref = useModalDialog(open);
  const { registry } = useServices();
  const ctx = useOpContext();
  const navigate = useAppStore((s) => s.navigate);
  const [title, setTitle] = useState('');
  const [severity, setSeverity] = useState<Severity>('SEV2');
  const [drill, setDrill] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const handle = await registry.open(randomId());
      declareIncident(handle.doc, ctx, { title, severity, drill });
      await handle.persistence.whenSaved();
      setTitle('');
      setDrill(false);
      onClose();
      navigate({ name: 'incident', incidentId: handle.id });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog ref={ref} className="dialog" aria-labelledby="declare-heading" onClose={whenStillClosed(onClose)}>
      <form onSubmit={(e) => void submit(e)}>
        <h2 id="declare-heading">Declare incident</h2>
        <label className="field">
          <span>Title</span>
          <input
            name="title"
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            placeholder="Checkout returns 500 for EU customers"
            autoFocus
            required
            maxLength={200}
          />
        </label>
        <fieldset className="field severity-picker">
          <legend>Severity</legend>
          {SEVERITIES.map((s) => (
            <label key={s} className={`sev-option sev-${s}`}>
              <input type="radio" name="severity" value={s} checked={severity === s} onChange={() => setSeverity(s)} />
              <span className={`badge sev sev-${s}`}>{s}</span> <span className="hint">{SEVERITY_HINT[s]}</span>
            </label>
          ))}
        </fieldset>
        <label className="field inline">
          <input type="checkbox" checked={drill} onChange={(e) => setDrill(e.target.checked)} />
          <span>This is a drill (kept out of metrics)</span>
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
            Declare
          </button>
        </div>
      </form>
    </dialog>
  );
};
