import { useAppStore } from '../../store/app-store';
import { useIncidentOpContext } from '../../data/use-profile';
import { wallStamp } from '@shared/time/wall-clock';
import { useZone } from '../../data/use-zone';

const EMPTY: never[] = [];

/**
 * What a change from elsewhere deleted (see the deletion guard): said plainly,
 * with where it came from, and put back in one action, logged in the timeline.
 */
export const MassDeletions = ({ incidentId }: { incidentId: string }) => {
  const deletions = useAppStore((s) => s.deletions[incidentId] ?? EMPTY);
  const drop = useAppStore((s) => s.dropDeletion);
  const ctx = useIncidentOpContext(incidentId);
  const zone = useZone();
  if (deletions.length === 0) return null;
  return (
    <section className="damaged" role="alert" aria-label="Deleted by a change from elsewhere" data-testid="mass-deletions">
      {deletions.map((d) => (
        <p key={d.key} data-testid="mass-deletion">
          <strong>
            {d.what === 'the postmortem' ? 'Most of the postmortem was deleted' : `${d.count} ${d.what} ${d.count === 1 ? 'was' : 'were'} deleted`}
          </strong>{' '}
          by a change from {d.source}, at {wallStamp(d.at, zone, d.at)}. Warroom never deletes these itself; this window still has {d.count === 1 ? 'it' : 'them'}.{' '}
          <button
            type="button"
            className="primary"
            onClick={() => {
              d.restore(ctx);
              drop(incidentId, d.key);
            }}
          >
            Restore
          </button>{' '}
          <button type="button" onClick={() => drop(incidentId, d.key)}>
            Dismiss
          </button>
        </p>
      ))}
    </section>
  );
};
