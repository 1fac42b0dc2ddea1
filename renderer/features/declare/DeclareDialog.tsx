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
import { useZone } from '../../data/use-zone';
import { fromDateTimeInput, zoneName } from '@shared/time/wall-clock';
import { DateTimeInput } from '../../ui/DateTimeInput';

/** Title and severity, nothing else: declaring must take seconds. */
export const DeclareDialog = ({ open, onClose }: { open: boolean; onClose: () => void }) => {
  const ref = useModalDialog(open);
  const { registry } = useServices();
  const ctx = useOpContext();
  const navigate = useAppStore((s) => s.navigate);
  const setMainPane = useAppStore((s) => s.setMainPane);
  const [title, setTitle] = useState('');
  const [severity, setSeverity] = useState<Severity>('SEV2');
  const [drill, setDrill] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const zone = useZone();
  const setRecordAsOf = useAppStore((s) => s.setRecordAsOf);
  // Entering an incident after the fact: when it was declared, started and detected (optional, in the zone shown).
  const [past, setPast] = useState(false);
  const [declaredAt, setDeclaredAt] = useState('');
  const [startedAt, setStartedAt] = useState('');
  const [detectedAt, setDetectedAt] = useState('');
  const zoneLabelFor = (value: string): string => {
    const t = fromDateTimeInput(value, zone);
    return t === null ? (zone === 'utc' ? 'UTC' : 'local time') : zoneName(t, zone);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const read = (value: string, what: string): number | undefined => {
      if (!past || value.trim() === '') return undefined;
      const t = fromDateTimeInput(value, zone);
      if (t === null) throw new Error(`${what}: enter a complete date and time.`);
      return t;
    };
    try {
      const declared = read(declaredAt, 'Declared');
      const started = read(startedAt, 'Impact started');
      const detected = read(detectedAt, 'Detected');
      const handle = await registry.open(randomId());
      declareIncident(handle.doc, declared === undefined ? ctx : { ...ctx, happenedAt: declared }, { title, severity, drill, startedAt: started, detectedAt: detected });
      // Keep recording at the declared time: what follows happened then too, until the scribe says otherwise.
      if (declared !== undefined) setRecordAsOf(handle.id, declared);
      await handle.persistence.whenSaved();
      setTitle('');
      setDrill(false);
      setPast(false);
      setDeclaredAt('');
      setStartedAt('');
      setDetectedAt('');
      onClose();
      // A new incident opens on its timeline, ready to type into, whatever tab was last viewed.
      setMainPane('timeline');
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
        <details className="field declare-past" open={past} onToggle={(e) => setPast((e.target as HTMLDetailsElement).open)}>
          <summary>Entering an incident that happened earlier?</summary>
          <p className="hint">Times in {zone === 'utc' ? 'UTC' : 'local time'}. The declaration, and the changes you record next, are logged at the time they happened.</p>
          {(
            [
              ['Declared at', declaredAt, setDeclaredAt],
              ['Impact started at', startedAt, setStartedAt],
              ['Detected at', detectedAt, setDetectedAt],
            ] as const
          ).map(([label, value, set]) => (
            <label key={label} className="field">
              <span>{label}</span>
              <DateTimeInput value={value} onChange={set} aria-label={`${label} (${zoneLabelFor(value)})`} />
            </label>
          ))}
        </details>
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
