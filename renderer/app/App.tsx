import { useEffect, useState } from 'react';
import { useAppStore } from '../store/app-store';
import { routeFromHash } from '../store/navigation-slice';
import { useProfile } from '../data/use-profile';
import { useServices } from '../data/services';
import { IncidentList } from '../features/incident-list';
import { DeclareDialog } from '../features/declare';
import { WarRoomPage } from '../features/war-room';
import { NamePrompt } from '../features/profile';
import { NoticeBar } from '../features/notices';

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
  const route = useAppStore((s) => s.route);
  const profile = useProfile();
  const [declaring, setDeclaring] = useState(false);

  if (!profile.name) return <NamePrompt />;
  return (
    <div className="app">
      <header className="topbar">
        <span className="brand">Warroom</span>
        <span className="me" title={`Device ${profile.deviceId}`}>
          <span className="dot" style={{ background: profile.color }} aria-hidden="true" /> {profile.name}
        </span>
        <button type="button" className="primary" onClick={() => setDeclaring(true)}>
          Declare incident
        </button>
      </header>
      <NoticeBar />
      {route.name === 'incident' ? (
        <WarRoomPage key={route.incidentId} incidentId={route.incidentId} />
      ) : (
        <main className="page">
          <h1 className="page-title">Incidents</h1>
          <IncidentList onDeclare={() => setDeclaring(true)} />
        </main>
      )}
      <DeclareDialog open={declaring} onClose={() => setDeclaring(false)} />
    </div>
  );
};
