import type { StateCreator } from 'zustand';
import type { AppState } from './app-store';

/**
 * Derived from awareness, kept here only so the timeline can flag entries by a
 * peer whose clock is off. Never persisted, never synced.
 */
export interface PresenceSlice {
  /** deviceId → estimated offset in ms (their clock minus ours), only for skewed peers. */
  skewedDevices: Record<string, number>;
  skewThresholdMs: number;
  setSkewedDevices: (skewed: Record<string, number>) => void;
}

export const createPresenceSlice: StateCreator<AppState, [], [], PresenceSlice> = (set) => ({
  skewedDevices: {},
  skewThresholdMs: 2000,
  setSkewedDevices: (skewedDevices) => set({ skewedDevices }),
});
