import { useMeta } from '../../data/use-incident';
import { useNow } from '../../data/use-now';
import { useRunOp } from '../../data/use-run-op';
import type { IncidentMeta } from '@shared/schema/types';
import type { IncidentHandle } from '../../data/incident-registry';
import type { PaneProps } from '../../ui/pane';
import { UpdateComposer } from './UpdateComposer';
import { UpdateCountdown } from './UpdateCountdown';
import { UpdateList } from './UpdateList';
import { useUpdateDue, useUpdateNudge, useUpdates } from './use-updates';
import './updates.css';

const Updates = ({ handle, meta }: { handle: IncidentHandle; meta: IncidentMeta }) => {
  const updates = useUpdates(handle.doc);
  const due = useUpdateDue(meta, updates);
  const now = useNow(1000);
  const run = useRunOp(handle);
  useUpdateNudge(meta, due, now);
  return (
    <div className="updates-pane">
      <div className="pane-heading">
        <h2>Updates</h2>
      </div>
      <UpdateCountdown due={due} now={now} severity={meta.severity} />
      <UpdateComposer meta={meta} now={now} run={run} />
      <UpdateList updates={updates} />
    </div>
  );
};

/** Stakeholder updates: the cadence countdown, a drafted update to post, and what went out. */
export const UpdatesPane = ({ handle }: PaneProps) => {
  const meta = useMeta(handle.doc);
  return meta ? <Updates handle={handle} meta={meta} /> : null;
};
