import { useIncidentHandle, useMeta } from '../../data/use-incident';
import type { IncidentHandle } from '../../data/incident-registry';
import { useAppStore } from '../../store/app-store';
import { Timeline } from '../timeline';
import { IncidentHeader } from './IncidentHeader';

const WarRoom = ({ handle }: { handle: IncidentHandle }) => {
  const meta = useMeta(handle.doc);
  if (!meta) return <p className="empty">Waiting for this incident to sync from its peers…</p>;
  return (
    <div className="war-room">
      <IncidentHeader meta={meta} handle={handle} />
      <Timeline handle={handle} />
    </div>
  );
};

export const WarRoomPage = ({ incidentId }: { incidentId: string }) => {
  const state = useIncidentHandle(incidentId);
  const navigate = useAppStore((s) => s.navigate);
  return (
    <main className="page">
      <nav className="crumbs" aria-label="Breadcrumb">
        <button type="button" className="link" onClick={() => navigate({ name: 'list' })}>
          ← All incidents
        </button>
      </nav>
      {state.status === 'loading' && <p className="empty">Opening incident…</p>}
      {state.status === 'error' && (
        <p className="error" role="alert">
          Could not open this incident: {state.message}
        </p>
      )}
      {state.status === 'ready' && <WarRoom handle={state.handle} />}
    </main>
  );
};
