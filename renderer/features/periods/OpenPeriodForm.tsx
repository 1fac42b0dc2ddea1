import { useId, useState, type FormEvent } from 'react';
import { openPeriod } from '@shared/domain/periods/period-ops';
import { fromDateTimeInput, toDateTimeInput, zoneName } from '@shared/time/wall-clock';
import { errorMessage } from '../../data/use-run-op';
import type { IncidentHandle } from '../../data/incident-registry';
import { useIncidentOpContext } from '../../data/use-profile';
import { useZone } from '../../data/use-zone';
import { useNow } from '../../data/use-now';

const HOUR = 3_600_000;

/** Goal and planned end of the next shift; a refusal stays beside the form, in words. */
export const OpenPeriodForm = ({ handle, number }: { handle: IncidentHandle; number: number }) => {
  const ctx = useIncidentOpContext(handle.id);
  const zone = useZone();
  const id = useId();
  const [goal, setGoal] = useState('');
  const [end, setEnd] = useState(() => toDateTimeInput(Date.now() + 8 * HOUR, zone));
  const [error, setError] = useState<string | null>(null);
  const now = useNow(60_000);
  const endAt = fromDateTimeInput(end, zone);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (endAt === null) return setError('Enter a complete end date and time.');
    try {
      openPeriod(handle.doc, ctx, { goal, plannedEndAt: endAt });
      setGoal('');
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <form className="open-period" onSubmit={submit} aria-label={`Open period ${number}`}>
      <label htmlFor={`${id}-goal`}>Goal of period {number}</label>
      <input id={`${id}-goal`} value={goal} onChange={(e) => setGoal(e.target.value)} placeholder="e.g. Stop the card failures" aria-invalid={error !== null} aria-describedby={error ? `${id}-error` : undefined} />
      <label htmlFor={`${id}-end`}>Ends ({zoneName(endAt ?? now, zone)})</label>
      <input id={`${id}-end`} type="datetime-local" value={end} onChange={(e) => setEnd(e.target.value)} />
      <button type="submit">Open period</button>
      {error && (
        <p id={`${id}-error`} role="alert" className="error inline-error">
          {error}
        </p>
      )}
    </form>
  );
};
