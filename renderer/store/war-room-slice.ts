import type { StateCreator } from 'zustand';
import type { AppState } from './app-store';

/** Which main pane of the war room is showing; session state. */
export type MainPane = 'timeline' | 'postmortem' | 'metrics';

export interface WarRoomSlice {
  mainPane: MainPane;
  setMainPane: (pane: MainPane) => void;
}

export const createWarRoomSlice: StateCreator<AppState, [], [], WarRoomSlice> = (set) => ({
  mainPane: 'timeline',
  setMainPane: (mainPane) => set({ mainPane }),
});
