import type { IncidentMeta } from '@shared/schema/types';
import { formatDuration } from '@shared/metrics/metrics';
import type { IncidentHandle } from '../../data/incident-registry';
import { SaveIndicator } from './SaveIndicator';
import { useNow } from '../../data/use-now';

export const IncidentHeader = ({ meta, handle }: { meta: IncidentMeta; handle: IncidentHandle }) => {
  const now = useNow(1000);
  const since = meta.lifecycle.declared;
  const end = meta.lifecycle.resolved ?? meta.lifecycle.closed;
  return (
    <header className="incident-header">
      <span className={`badge sev sev-${meta.severity}`} data-testid="incident-severity">
        {meta.severity}
      </span>
      <h1 data-testid="incident-title">{meta.title}</h1>
      <span className={`badge status status-${meta.status}`} data-testid="incident-status">
        {meta.status}
      </span>
      {meta.drill && <span className="badge drill">DRILL</span>}
      {since !== undefined && (
        <span className="elapsed" title="Since declared">
          {end ? `lasted ${formatDuration(end - since)}` : formatDuration(Math.max(0, now - since))}
        </span>
      )}
      <SaveIndicator handle={handle} />
    </header>
  );
};
