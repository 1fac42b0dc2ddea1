import type { StateCreator } from 'zustand';
import type { AppState } from './app-store';

/** How this user looks at metrics across incidents; session state. */
export interface MetricsViewSlice {
  /** Drills are kept out of metrics unless the user asks to see them. */
  metricsIncludeDrills: boolean;
  setMetricsIncludeDrills: (include: boolean) => void;
  /** Archived incidents are left out too, unless asked for. */
  metricsIncludeArchived: boolean;
  setMetricsIncludeArchived: (include: boolean) => void;
}

export const createMetricsViewSlice: StateCreator<AppState, [], [], MetricsViewSlice> = (set) => ({
  metricsIncludeDrills: false,
  setMetricsIncludeDrills: (metricsIncludeDrills) => set({ metricsIncludeDrills }),
  metricsIncludeArchived: false,
  setMetricsIncludeArchived: (metricsIncludeArchived) => set({ metricsIncludeArchived }),
});
