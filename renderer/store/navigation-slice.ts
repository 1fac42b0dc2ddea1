import type { StateCreator } from 'zustand';
import type { AppState } from './app-store';

export type Route = { name: 'list' } | { name: 'metrics' } | { name: 'actions' } | { name: 'incident'; incidentId: string };

export interface NavigationSlice {
  route: Route;
  navigate: (route: Route) => void;
}

export const routeFromHash = (hash: string): Route => {
  if (hash === '#/metrics') return { name: 'metrics' };
  if (hash === '#/actions') return { name: 'actions' };
  const m = /^#\/incident\/([A-Za-z0-9_-]{1,128})$/.exec(hash);
  return m ? { name: 'incident', incidentId: m[1]! } : { name: 'list' };
};

export const hashFromRoute = (route: Route): string =>
  route.name === 'actions'
    ? '#/actions'
    : route.name === 'incident' ? `#/incident/${route.incidentId}` : route.name === 'metrics' ? '#/metrics' : '#/';

export const createNavigationSlice: StateCreator<AppState, [], [], NavigationSlice> = (set) => ({
  route: routeFromHash(window.location.hash),
  navigate: (route) => {
    const hash = hashFromRoute(route);
    if (window.location.hash !== hash) window.location.hash = hash;
    set({ route });
  },
});
