import { useCallback, useEffect, useState } from 'react';
import { useAppStore } from '../store/app-store';
import { routeFromHash } from '../store/navigation-slice';
import { useProfile } from '../data/use-profile';
import { useServices } from '../data/services';
import { IncidentList } from '../features/incident-list';
import { DeclareDialog } from '../features/declare';
import { WarRoomPage } from '../features/war-room';
import { NamePrompt } from '../features/profile';
import { NoticeBar } from '../features/notices';
import { JoinWithInvite } from '../features/sharing';
import { ActionsLink, AllActionsPage } from '../features/actions';
import { ImportButton } from '../features/export';
import { BackupControls } from '../features/backup';
import { MetricsLink, MetricsPage } from '../features/metrics';
import { CommandButtons, GlobalCommands } from '../features/command-palette';
import { ThemeToggle, useThemeSync } from '../features/theme';
import { DesktopBridge } from '../features/desktop';
import { LanRooms } from '../features/lan-host';
import { OtherOrigins } from '../features/other-origins';
import { useFocusKeeper } from '../ui/focus-keeper';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import type { Route } from '../store/navigation-slice';

const routeKey = (r: Route): string => (r.name === 'incident' ? `incident:${r.incidentId}` : r.name);

/** Keep the route in step with the address bar (back/forward, pasted links). */
const useHashRouting = () => {
  const navigate = useAppStore((s) => s.navigate);
  useEffect(() => {
    const onHash = () => navigate(routeFromHash(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [navigate]);
};

/** Closing the window with changes not yet on disk asks first. */
const useUnloadGuard = () => {
  const { registry } = useServices();
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (registry.unsavedCount() > 0) e.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [registry]);
};

export const App = () => {
  useHashRouting();
  useUnloadGuard();
  useThemeSync();
  useFocusKeeper();
  const route = useAppStore((s) => s.route);
  const profile = useProfile();
  const [declaring, setDeclaring] = useState(false);
  const openDeclare = useCallback(() => setDeclaring(true), []);

  if (!profile.name) return <NamePrompt />;
  return (
    <div className="app">
      <header className="topbar">
        <span className="brand">Warroom</span>
        <span className="me" title={`Device ${profile.deviceId}`}>
          <span className="dot" style={{ background: profile.color }} aria-hidden="true" /> {profile.name}
        </span>
        <CommandButtons />
        <ThemeToggle />
        <button type="button" className="primary" onClick={openDeclare}>
          Declare incident
        </button>
      </header>
      {route.name !== 'incident' && <NoticeBar />}
      <ErrorBoundary key={routeKey(route)} what="this page">
      {route.name === 'incident' ? (
        <WarRoomPage key={route.incidentId} incidentId={route.incidentId} />
      ) : route.name === 'actions' ? (
        <AllActionsPage />
      ) : route.name === 'metrics' ? (
        <MetricsPage />
      ) : (
        <main className="page">
          <h1 className="page-title">Incidents</h1>
          <nav className="list-tools" aria-label="Incident tools">
            <ImportButton />
            <BackupControls />
            <ActionsLink />
            <MetricsLink />
          </nav>
          <OtherOrigins />
          <JoinWithInvite />
          <LanRooms />
          <IncidentList onDeclare={() => setDeclaring(true)} />
        </main>
      )}
      </ErrorBoundary>
      <DeclareDialog open={declaring} onClose={() => setDeclaring(false)} />
      <GlobalCommands onDeclare={openDeclare} />
      <DesktopBridge />
    </div>
  );
};
