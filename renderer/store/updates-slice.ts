import type { StateCreator } from 'zustand';
import type { AppState } from './app-store';

/** Which stakeholder-update nudges this window already showed, per incident: one notification per due time. */
export interface UpdatesSlice {
  updateNudges: Record<string, string>;
  markUpdateNudged: (incidentId: string, key: string) => void;
}

export const createUpdatesSlice: StateCreator<AppState, [], [], UpdatesSlice> = (set) => ({
  updateNudges: {},
  markUpdateNudged: (incidentId, key) => set((s) => ({ updateNudges: { ...s.updateNudges, [incidentId]: key } })),
});
