import { LIFECYCLE_MILESTONES, type Lifecycle } from '@shared/schema/types';
import type { IncidentHandle } from '../../data/incident-registry';
import { useNow } from '../../data/use-now';
import { useAppStore } from '../../store/app-store';
import { LifecycleField } from './LifecycleField';
import { RecordAsOf } from './RecordAsOf';
import './lifecycle.css';

export { MILESTONE_LABEL } from '@shared/schema/records/lifecycle-order';
import { MILESTONE_LABEL } from '@shared/schema/records/lifecycle-order';

/** started ≤ detected ≤ declared ≤ acknowledged ≤ mitigated ≤ resolved ≤ closed, each editable. */
export const LifecycleTimes = ({ lifecycle, handle }: { lifecycle: Lifecycle; handle: IncidentHandle }) => {
  const utc = useAppStore((s) => s.utc);
  const now = useNow(60_000);
  return (
    <section className="lifecycle" aria-label="Lifecycle times">
      <RecordAsOf incidentId={handle.id} />
      <dl>
        {LIFECYCLE_MILESTONES.map((m) => (
          <LifecycleField key={m} milestone={m} label={MILESTONE_LABEL[m]} at={lifecycle[m]} utc={utc} now={now} handle={handle} />
        ))}
      </dl>
    </section>
  );
};
