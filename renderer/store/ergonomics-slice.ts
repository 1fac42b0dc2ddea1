import type { StateCreator } from 'zustand';
import type { AppState } from './app-store';

export type Theme = 'dark' | 'light';

const THEME_KEY = 'warroom.theme';

/** The theme is a device preference, so it lives in localStorage rather than in any incident. */
export const readStoredTheme = (): Theme => {
  try {
    return window.localStorage.getItem(THEME_KEY) === 'light' ? 'light' : 'dark';
  } catch {
    return 'dark';
  }
};

export const storeTheme = (theme: Theme): void => {
  try {
    window.localStorage.setItem(THEME_KEY, theme);
  } catch {
    // Storage can be off (private mode, policy); the theme then lasts for the session.
  }
};

/** Overlays over the whole app and the theme; session state. */
export interface ErgonomicsSlice {
  paletteOpen: boolean;
  shortcutsOpen: boolean;
  theme: Theme;
  setPaletteOpen: (open: boolean) => void;
  setShortcutsOpen: (open: boolean) => void;
  toggleTheme: () => void;
}

export const createErgonomicsSlice: StateCreator<AppState, [], [], ErgonomicsSlice> = (set) => ({
  paletteOpen: false,
  shortcutsOpen: false,
  theme: readStoredTheme(),
  setPaletteOpen: (paletteOpen) => set({ paletteOpen }),
  setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),
  toggleTheme: () =>
    set((s) => {
      const theme = s.theme === 'dark' ? 'light' : 'dark';
      storeTheme(theme);
      return { theme };
    }),
});
