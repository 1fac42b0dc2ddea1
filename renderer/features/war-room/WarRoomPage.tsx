import { useIncidentHandle, useMeta } from '../../data/use-incident';
import type { IncidentHandle } from '../../data/incident-registry';
import { useAppStore } from '../../store/app-store';
import { IncidentHeader } from './IncidentHeader';
import { ConnectionStatus, SyncPresence } from '../sharing';
import { MAIN_PANES, SIDE_PANES } from './panes';
import { useWarRoomCommands } from './war-room-commands';
import { WarRoomPresence } from '../presence';
import { ErrorBoundary } from '../../ui/ErrorBoundary';
import { DamagedRecords, RawExport } from './DamagedRecords';

const WarRoom = ({ handle }: { handle: IncidentHandle }) => {
  const meta = useMeta(handle.doc);
  const mainPane = useAppStore((s) => s.mainPane);
  const setMainPane = useAppStore((s) => s.setMainPane);
  useWarRoomCommands(handle, meta);
  if (!meta)
    return (
      <div className="empty">
        <p>Waiting for this incident to sync from its peers…</p>
        <ConnectionStatus incidentId={handle.id} />
      </div>
    );
  const active = MAIN_PANES.find((p) => p.id === mainPane) ?? MAIN_PANES[0]!;
  const Main = active.component;
  return (
    <div className="war-room">
      <ErrorBoundary what="the incident header" rescue={<RawExport handle={handle} />}>
        <IncidentHeader meta={meta} handle={handle} />
      </ErrorBoundary>
      <DamagedRecords handle={handle} />
      <WarRoomPresence handle={handle} />
      <div className={`war-room-grid${SIDE_PANES.length === 0 ? ' single' : ''}`}>
        <div className="main-pane">
          {MAIN_PANES.length > 1 && (
            <div role="tablist" aria-label="War room views" className="tabs">
              {MAIN_PANES.map((p) => (
                <button key={p.id} role="tab" type="button" aria-selected={p.id === active.id} onClick={() => setMainPane(p.id)}>
                  {p.label}
                </button>
              ))}
            </div>
          )}
          <div role={MAIN_PANES.length > 1 ? 'tabpanel' : undefined} aria-label={active.label}>
            <ErrorBoundary key={active.id} what={`the ${active.label.toLowerCase()}`} rescue={<RawExport handle={handle} />}>
              <Main handle={handle} />
            </ErrorBoundary>
          </div>
        </div>
        {SIDE_PANES.length > 0 && (
          <aside className="side-panes" aria-label="Incident details">
            {SIDE_PANES.map(({ id, label, component: Pane }) => (
              <section key={id} className="side-pane" aria-label={label}>
                <ErrorBoundary what={`the ${label.toLowerCase()} pane`} rescue={<RawExport handle={handle} />}>
                  <Pane handle={handle} />
                </ErrorBoundary>
              </section>
            ))}
          </aside>
        )}
      </div>
    </div>
  );
};

export const WarRoomPage = ({ incidentId }: { incidentId: string }) => {
  const state = useIncidentHandle(incidentId);
  const navigate = useAppStore((s) => s.navigate);
  return (
    <main className="page wide">
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
      {state.status === 'ready' && (
        <SyncPresence handle={state.handle}>
          <WarRoom handle={state.handle} />
        </SyncPresence>
      )}
    </main>
  );
};
