import { useRef, type KeyboardEvent } from 'react';
import { useIncidentHandle, useMeta } from '../../data/use-incident';
import { rovingIndex } from '../../ui/roving';
import type { IncidentHandle } from '../../data/incident-registry';
import { useAppStore } from '../../store/app-store';
import { IncidentHeader } from './IncidentHeader';
import { ConnectionStatus, ShareWithdrawnBanner, SyncPresence } from '../sharing';
import { MAIN_PANES, SIDE_PANES } from './panes';
import { useWarRoomCommands } from './war-room-commands';
import { WarRoomPresence } from '../presence';
import { ErrorBoundary } from '../../ui/ErrorBoundary';
import { DamagedRecords, RawExport } from './DamagedRecords';
import { MassDeletions } from './MassDeletions';
import { NoticeBar } from '../notices';
import './war-room.css';

const tabId = (pane: string) => `war-room-tab-${pane}`;
const PANEL_ID = 'war-room-tabpanel';

/** WAI-ARIA tabs with automatic activation: the arrow keys (and Home, End) select the pane and focus its tab. */
const PaneTabs = ({ active }: { active: string }) => {
  const setMainPane = useAppStore((s) => s.setMainPane);
  const tabs = useRef(new Map<string, HTMLButtonElement>());
  const onKeyDown = (e: KeyboardEvent) => {
    const next = rovingIndex(e.key, MAIN_PANES.findIndex((p) => p.id === active), MAIN_PANES.length);
    if (next === null) return;
    e.preventDefault();
    const pane = MAIN_PANES[next]!;
    setMainPane(pane.id);
    tabs.current.get(pane.id)?.focus();
  };
  return (
    <div role="tablist" aria-label="War room views" className="tabs" onKeyDown={onKeyDown}>
      {MAIN_PANES.map((p) => (
        <button
          key={p.id}
          ref={(el) => {
            if (el) tabs.current.set(p.id, el);
            else tabs.current.delete(p.id);
          }}
          id={tabId(p.id)}
          role="tab"
          type="button"
          aria-selected={p.id === active}
          aria-controls={PANEL_ID}
          tabIndex={p.id === active ? 0 : -1}
          onClick={() => setMainPane(p.id)}
        >
          {p.label}
        </button>
      ))}
    </div>
  );
};

const WarRoom = ({ handle }: { handle: IncidentHandle }) => {
  const meta = useMeta(handle.doc);
  const mainPane = useAppStore((s) => s.mainPane);
  useWarRoomCommands(handle, meta);
  if (!meta)
    return (
      <div className="empty">
        <NoticeBar />
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
      <ShareWithdrawnBanner incidentId={handle.id} />
      <DamagedRecords handle={handle} />
      <MassDeletions incidentId={handle.id} />
      <WarRoomPresence handle={handle} />
      <div className={`war-room-grid${SIDE_PANES.length === 0 ? ' single' : ''}`}>
        <div className="main-pane">
          {MAIN_PANES.length > 1 && <PaneTabs active={active.id} />}
          <div
            role={MAIN_PANES.length > 1 ? 'tabpanel' : undefined}
            id={PANEL_ID}
            aria-label={MAIN_PANES.length > 1 ? undefined : active.label}
            aria-labelledby={MAIN_PANES.length > 1 ? tabId(active.id) : undefined}
          >
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
    <main className="page wide war-room-page">
      {state.status !== 'ready' && <NoticeBar />}
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
