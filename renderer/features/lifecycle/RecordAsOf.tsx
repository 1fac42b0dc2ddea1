import { useState, type FormEvent } from 'react';
import { fromDateTimeInput, toDateTimeInput, wallStamp, zoneName } from '@shared/time/wall-clock';
import { useAppStore } from '../../store/app-store';
import { useZone } from '../../data/use-zone';
import { DateTimeInput } from '../../ui/DateTimeInput';

/**
 * Recording after the fact: a scribe replaying a call says when the next
 * changes happened, and severity, status, role and runbook changes are then
 * logged at that time instead of now. Always visible while on, so nobody
 * back-dates a live change by accident.
 */
export const RecordAsOf = ({ incidentId }: { incidentId: string }) => {
  const asOf = useAppStore((s) => s.recordAsOf[incidentId]);
  const setAsOf = useAppStore((s) => s.setRecordAsOf);
  const zone = useZone();
  const [draft, setDraft] = useState<string | null>(null);
  // The instant the form opened at: what its zone name refers to until a complete time is typed.
  const [openedAt, setOpenedAt] = useState(0);
  const [error, setError] = useState<string | null>(null);

  const open = () => {
    setError(null);
    const at = asOf ?? Date.now();
    setOpenedAt(at);
    setDraft(toDateTimeInput(at, zone));
  };
  const save = (e: FormEvent) => {
    e.preventDefault();
    const t = fromDateTimeInput(draft ?? '', zone);
    if (t === null) return setError('Enter a complete date and time.');
    if (t > Date.now() + 5 * 60_000) return setError('That time is in the future: changes can only be recorded as having happened already.');
    setAsOf(incidentId, t);
    setDraft(null);
  };

  if (draft !== null) {
    const typed = fromDateTimeInput(draft, zone);
    return (
      <form className="record-as-of editing" onSubmit={save} onKeyDown={(e) => e.key === 'Escape' && setDraft(null)}>
        <label>
          <span>Changes happened at</span>{' '}
          <DateTimeInput aria-label={`Changes happened at (${zoneName(typed ?? openedAt, zone)})`} value={draft} autoFocus onChange={setDraft} />
        </label>
        <span className="dim">{zoneName(typed ?? openedAt, zone)}</span>
        <button type="submit">Record at this time</button>
        <button type="button" onClick={() => setDraft(null)}>
          Cancel
        </button>
        {error && (
          <p role="alert" className="error inline-error">
            {error}
          </p>
        )}
      </form>
    );
  }
  if (asOf === undefined) {
    return (
      <button type="button" className="link record-as-of" onClick={open} title="For an incident you are entering afterwards: log status, severity, role and runbook changes at the time they happened">
        Record after the fact…
      </button>
    );
  }
  return (
    <p className="record-as-of active" role="status" data-testid="record-as-of">
      Recording after the fact: changes are logged at <strong>{wallStamp(asOf, zone, Number.NaN)}</strong>{' '}
      <button type="button" onClick={open}>
        Change
      </button>{' '}
      <button type="button" onClick={() => setAsOf(incidentId, null)}>
        Back to live
      </button>
    </p>
  );
};
