import { useId, useState, type ChangeEvent } from 'react';
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
  const errorId = useId();

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setBusy(true);
    setError(null);
    const result = await importIncidentFile(file, registry);
    setBusy(false);
    // Choosing the same file again must fire another change event.
    input.value = '';
    if (!result.ok) {
      setError(`Not imported: ${result.message}`);
      return;
    }
    pushNotice('info', `${result.outcome === 'created' ? 'Imported' : 'Merged'} “${result.title}”.`);
    navigate({ name: 'incident', incidentId: result.incidentId });
  };

  return (
    <div className="import">
      <label className={`import-button${busy ? ' busy' : ''}`}>
        {busy ? 'Importing…' : 'Import incident…'}
        <input
          type="file"
          className="visually-hidden"
          accept=".json,.yjs,application/json,application/octet-stream"
          aria-label="Import incident"
          aria-describedby={error ? errorId : undefined}
          disabled={busy}
          onChange={(e) => void onFile(e)}
        />
      </label>
      {error && (
        <p className="error import-error" role="alert" id={errorId} data-testid="import-error">
          {error}
        </p>
      )}
    </div>
  );
};
