import { useEffect, useRef, useState, type FormEvent } from 'react';
import { setLifecycleTimestamp } from '@shared/domain/incident/incident-ops';
import type { LifecycleMilestone } from '@shared/schema/types';
import type { IncidentHandle } from '../../data/incident-registry';
import { fromDateTimeInput, toDateTimeInput, wallStamp, zoneName, zoneOf } from '@shared/time/wall-clock';
import { useInlineOp } from './use-inline-op';
import { DateTimeInput } from '../../ui/DateTimeInput';

interface Props {
  milestone: LifecycleMilestone;
  label: string;
  at: number | undefined;
  utc: boolean;
  now: number;
  handle: IncidentHandle;
}

export const editButtonId = (m: LifecycleMilestone) => `edit-${m}-time`;

/**
 * One lifecycle milestone: its time, and ✎ to set, change or clear it. A time
 * out of order is refused by the domain and its message stays beside the field.
 */
export const LifecycleField = ({ milestone, label, at, utc, now, handle }: Props) => {
  const run = useInlineOp(handle);
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const errorId = `${milestone}-time-error`;
  const zone = zoneOf(utc);
  // The zone's name for the date being typed (PDT for an October date, PST for a December one).
  const draftZone = zoneName(fromDateTimeInput(draft ?? '', zone) ?? at ?? now, zone);

  // Saved or cancelled, focus goes back to this milestone's ✎, not to the page.
  const wasEditing = useRef(false);
  useEffect(() => {
    if (draft !== null) wasEditing.current = true;
    else if (wasEditing.current) {
      wasEditing.current = false;
      document.getElementById(editButtonId(milestone))?.focus({ preventScroll: true });
    }
  }, [draft, milestone]);
  const close = () => {
    setDraft(null);
    setError(null);
  };
  const commit = (value: number | null) => {
    const message = run((doc, ctx) => setLifecycleTimestamp(doc, ctx, milestone, value));
    if (message) setError(message);
    else close();
  };
  const save = (e: FormEvent) => {
    e.preventDefault();
    const t = fromDateTimeInput(draft ?? '', zone);
    if (t === null) setError('Enter a complete date and time.');
    else commit(t);
  };

  return (
    <div className={`milestone${at === undefined ? ' unset' : ''}`} data-testid={`milestone-${milestone}`}>
      <dt>{label}</dt>
      <dd>
        {draft === null ? (
          <>
            {at === undefined ? (
              <span className="dim">—</span>
            ) : (
              <time dateTime={new Date(at).toISOString()} title={wallStamp(at, zone, Number.NaN)}>
                {wallStamp(at, zone, now)}
              </time>
            )}
            <button
              id={editButtonId(milestone)}
              type="button"
              className="icon-button"
              aria-label={`Edit ${label.toLowerCase()} time`}
              title={`Edit ${label.toLowerCase()} time`}
              onClick={() => setDraft(toDateTimeInput(at ?? now, zone))}
            >
              ✎
            </button>
          </>
        ) : (
          <form
            className="milestone-editor"
            onSubmit={save}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.preventDefault();
                close();
              }
            }}
          >
            <DateTimeInput
              aria-label={`${label} time (${draftZone})`}
              value={draft}
              autoFocus
              aria-invalid={error !== null}
              aria-describedby={error ? errorId : undefined}
              onChange={setDraft}
            />
            <span className="dim zone-name">{draftZone}</span>
            <button type="submit">Save</button>
            {at !== undefined && milestone !== 'declared' && (
              <button type="button" onClick={() => commit(null)}>
                Clear
              </button>
            )}
            <button type="button" onClick={close}>
              Cancel
            </button>
            {error && (
              <p id={errorId} role="alert" className="error inline-error">
                {error}
              </p>
            )}
          </form>
        )}
      </dd>
    </div>
  );
};
