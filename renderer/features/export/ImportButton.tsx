import { useId, useState } from 'react';
import { FilePickButton } from '../../ui/FilePickButton';
import { useServices } from '../../data/services';
import { useAppStore } from '../../store/app-store';
import { importIncidentFile } from './import-actions';
import './export.css';

/** Import a JSON or Yjs export; the incident opens once it is saved on this device. */
export const ImportButton = () => {
  const { registry } = useServices();
  const navigate = useAppStore((s) => s.navigate);
  const pushNotice = useAppStore((s) => s.pushNotice);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // A Yjs merge that changes what is here waits for a yes, with what it would change.
  const [pending, setPending] = useState<{ file: File; changes: string[] } | null>(null);
  const errorId = useId();

  const run = async (file: File, confirmed: boolean) => {
    setBusy(true);
    setError(null);
    setPending(null);
    const result = await importIncidentFile(file, registry, { confirmed });
    setBusy(false);
    if (!result.ok) {
      if (result.confirm) setPending({ file, changes: result.confirm });
      else setError(`Not imported: ${result.message}`);
      return;
    }
    pushNotice('info', `${result.outcome === 'created' ? 'Imported' : 'Merged'} “${result.title}”.`);
    navigate({ name: 'incident', incidentId: result.incidentId });
  };

  return (
    <div className="import">
      <FilePickButton
        label="Import incident…"
        busyLabel="Importing…"
        busy={busy}
        ariaLabel="Import incident"
        accept=".json,.yjs,application/json,application/octet-stream"
        describedBy={error ? errorId : undefined}
        onFile={(file) => void run(file, false)}
      />
      {pending && (
        <div className="import-confirm" role="alertdialog" aria-labelledby={`${errorId}-confirm`} data-testid="import-confirm">
          <p id={`${errorId}-confirm`}>Merging this file changes what is already in the incident here:</p>
          <ul>
            {pending.changes.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
          <p>Every change is merged as a peer's edit would be; nothing is deleted.</p>
          <button type="button" className="primary" onClick={() => void run(pending.file, true)}>
            Merge anyway
          </button>{' '}
          <button type="button" onClick={() => setPending(null)} autoFocus>
            Cancel
          </button>
        </div>
      )}
      {error && (
        <p className="error import-error" role="alert" id={errorId} data-testid="import-error">
          {error}
        </p>
      )}
    </div>
  );
};
