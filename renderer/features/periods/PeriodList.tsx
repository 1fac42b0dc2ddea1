import { periodNumber } from '@shared/domain/periods/period-ops';
import { spokenDuration } from '@shared/time/utc-time';
import { wallStamp } from '@shared/time/wall-clock';
import type { IncidentHandle } from '../../data/incident-registry';
import { useNow } from '../../data/use-now';
import { useZone } from '../../data/use-zone';
import { usePeriods } from './use-periods';

/** The shifts so far, for the metrics pane: when each ran, how long, and whether its handoff was acknowledged. */
export const PeriodList = ({ handle }: { handle: IncidentHandle }) => {
  const periods = usePeriods(handle.doc);
  const zone = useZone();
  const now = useNow(30_000);
  return (
    <section aria-labelledby="periods-heading" className="period-list">
      <h2 id="periods-heading">Operational periods</h2>
      {periods.length === 0 ? (
        <p className="dim">No periods yet: the incident has not been run in shifts.</p>
      ) : (
        <ol data-testid="period-list">
          {periods.map((p) => (
            <li key={p.id}>
              <strong>Period {periodNumber(periods, p.id)}</strong>: {p.goal} · from {wallStamp(p.startedAt, zone, now, false)} ·{' '}
              {p.endedAt === null ? `under way for ${spokenDuration(now - p.startedAt)}` : `lasted ${spokenDuration(p.endedAt - p.startedAt)}`}
              {p.endedAt !== null && (p.acknowledgedBy ? ` · handed over to ${p.acknowledgedBy.name}` : ' · handoff not acknowledged yet')}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
};
