import type { StateCreator } from 'zustand';
import type { AuthoredEntryKind } from '@shared/schema/types';
import type { AppState } from './app-store';

/** The scribe's capture settings: session state, never synced. */
export interface CaptureSlice {
  captureKind: AuthoredEntryKind;
  capturePinned: boolean;
  setCaptureKind: (kind: AuthoredEntryKind) => void;
  toggleCapturePinned: () => void;
  resetCapturePinned: () => void;
}

export const createCaptureSlice: StateCreator<AppState, [], [], CaptureSlice> = (set) => ({
  captureKind: 'observation',
  capturePinned: false,
  setCaptureKind: (captureKind) => set({ captureKind }),
  toggleCapturePinned: () => set((s) => ({ capturePinned: !s.capturePinned })),
  resetCapturePinned: () => set({ capturePinned: false }),
});
