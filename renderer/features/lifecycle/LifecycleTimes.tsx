import { LIFECYCLE_MILESTONES, type Lifecycle, type LifecycleMilestone } from '@shared/schema/types';
import type { IncidentHandle } from '../../data/incident-registry';
import { useNow } from '../../data/use-now';
import { useAppStore } from '../../store/app-store';
import { LifecycleField } from './LifecycleField';
import './lifecycle.css';

export const MILESTONE_LABEL: Record<LifecycleMilestone, string> = {
  started: 'Started',
  detected: 'Detected',
  declared: 'Declared',
  acknowledged: 'Acknowledged',
  mitigated: 'Mitigated',
  resolved: 'Resolved',
  closed: 'Closed',
};

/** started ≤ detected ≤ declared ≤ acknowledged ≤ mitigated ≤ resolved ≤ closed, each editable. */
export const LifecycleTimes = ({ lifecycle, handle }: { lifecycle: Lifecycle; handle: IncidentHandle }) => {
  const utc = useAppStore((s) => s.utc);
  const now = useNow(60_000);
  return (
    <section className="lifecycle" aria-label="Lifecycle times">
      <dl>
        {LIFECYCLE_MILESTONES.map((m) => (
          <LifecycleField key={m} milestone={m} label={MILESTONE_LABEL[m]} at={lifecycle[m]} utc={utc} now={now} handle={handle} />
        ))}
      </dl>
    </section>
  );
};
