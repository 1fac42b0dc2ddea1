import type { StateCreator } from 'zustand';
import { DEFAULT_INCIDENT_QUERY, type IncidentListQuery } from '@shared/storage/incident-query';
import type { AppState } from './app-store';

/** How this user searches, filters and sorts the incident list; session state. */
export interface IncidentListSlice {
  listQuery: IncidentListQuery;
  setListQuery: (patch: Partial<IncidentListQuery>) => void;
  resetListFilters: () => void;
  /** Archived incidents are listed only when asked for. */
  listShowArchived: boolean;
  setListShowArchived: (show: boolean) => void;
}

export const createIncidentListSlice: StateCreator<AppState, [], [], IncidentListSlice> = (set) => ({
  listQuery: DEFAULT_INCIDENT_QUERY,
  listShowArchived: false,
  setListShowArchived: (listShowArchived) => set({ listShowArchived }),
  setListQuery: (patch) => set((s) => ({ listQuery: { ...s.listQuery, ...patch } })),
  // Clearing the filters keeps the chosen order.
  resetListFilters: () =>
    set((s) => ({ listQuery: { ...DEFAULT_INCIDENT_QUERY, sort: s.listQuery.sort, direction: s.listQuery.direction } })),
});
