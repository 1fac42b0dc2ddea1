import { useState } from 'react';
import { acknowledgeHandoff, currentPeriod, endPeriod, pendingHandoff, periodNumber } from '@shared/domain/periods/period-ops';
import { wallStamp } from '@shared/time/wall-clock';
import { useMeta } from '../../data/use-incident';
import { useRunOp } from '../../data/use-run-op';
import { useNow } from '../../data/use-now';
import { useZone } from '../../data/use-zone';
import type { PaneProps } from '../../ui/pane';
import { OpenPeriodForm } from './OpenPeriodForm';
import { PeriodBriefDialog } from './PeriodBriefDialog';
import { usePeriods } from './use-periods';
import './periods.css';

/**
 * Shifts of a long incident (ICS operational periods): the one under way, its
 * handoff when it ends, and the form for the next one.
 */
export const PeriodsPane = ({ handle }: PaneProps) => {
  const meta = useMeta(handle.doc);
  const periods = usePeriods(handle.doc);
  const run = useRunOp(handle);
  const zone = useZone();
  const now = useNow(30_000);
  const [shown, setShown] = useState<string | null>(null);
  if (!meta) return null;
  const open = currentPeriod(periods);
  const pending = pendingHandoff(periods);
  const shownPeriod = periods.find((p) => p.id === shown && p.brief !== null) ?? null;

  const end = () => {
    const r = run((doc, ctx) => endPeriod(doc, ctx));
    if (r.ok) setShown(r.value.id);
  };

  return (
    <div className="periods-pane">
      <div className="pane-heading">
        <h2>Shifts</h2>
      </div>
      {open ? (
        <div className="period-current" data-testid="current-period">
          <p>
            <strong>Period {periodNumber(periods, open.id)}</strong>: {open.goal}
          </p>
          <p className="dim">
            Ends <time dateTime={new Date(open.plannedEndAt).toISOString()}>{wallStamp(open.plannedEndAt, zone, now, false)}</time>
            {open.plannedEndAt < now && <span className="error"> (past its planned end)</span>}
          </p>
          <button type="button" onClick={end}>
            End period and hand over
          </button>
        </div>
      ) : (
        <>
          {pending && (
            <div className="period-pending" role="status" data-testid="pending-handoff">
              <p>The handoff of period {periodNumber(periods, pending.id)} waits for the incoming commander.</p>
              <button type="button" onClick={() => setShown(pending.id)}>
                Read the handoff brief
              </button>
            </div>
          )}
          <OpenPeriodForm handle={handle} number={periods.length + 1} />
        </>
      )}
      {shownPeriod && (
        <PeriodBriefDialog
          meta={meta}
          number={periodNumber(periods, shownPeriod.id)}
          brief={shownPeriod.brief ?? ''}
          acknowledgedBy={shownPeriod.acknowledgedBy?.name ?? null}
          onAcknowledge={shownPeriod.acknowledgedAt === null ? () => run((doc, ctx) => acknowledgeHandoff(doc, ctx, shownPeriod.id)) : null}
          onClose={() => setShown(null)}
        />
      )}
    </div>
  );
};
