import type { StateCreator } from 'zustand';
import type { AppState } from './app-store';

export type Theme = 'dark' | 'light';
/** 'system' until the user picks one: the theme then follows the OS (prefers-color-scheme; in Electron, nativeTheme). */
export type ThemeChoice = Theme | 'system';

const THEME_KEY = 'warroom.theme';

/** The theme is a device preference, so it lives in localStorage rather than in any incident. */
export const readStoredTheme = (): ThemeChoice => {
  try {
    const stored = window.localStorage.getItem(THEME_KEY);
    return stored === 'light' || stored === 'dark' ? stored : 'system';
  } catch {
    return 'system';
  }
};

export const storeTheme = (choice: ThemeChoice): void => {
  try {
    if (choice === 'system') window.localStorage.removeItem(THEME_KEY);
    else window.localStorage.setItem(THEME_KEY, choice);
  } catch {
    // Storage can be off (private mode, policy); the theme then lasts for the session.
  }
};

/** The OS's scheme now. Dark unless it asks for light: a war room is often a dim room at night. */
export const readSystemTheme = (): Theme => (window.matchMedia?.('(prefers-color-scheme: light)').matches ? 'light' : 'dark');

/** The theme on screen. */
export const selectTheme = (s: { themeChoice: ThemeChoice; systemTheme: Theme }): Theme => (s.themeChoice === 'system' ? s.systemTheme : s.themeChoice);

/** Overlays over the whole app and the theme; session state. */
export interface ErgonomicsSlice {
  paletteOpen: boolean;
  shortcutsOpen: boolean;
  themeChoice: ThemeChoice;
  /** The OS's scheme, kept current by useThemeSync. */
  systemTheme: Theme;
  setPaletteOpen: (open: boolean) => void;
  setShortcutsOpen: (open: boolean) => void;
  setSystemTheme: (theme: Theme) => void;
  /** Pick the other theme than the one on screen; from then on the OS's changes no longer apply. */
  toggleTheme: () => void;
  /** Forget the pick: follow the OS again. */
  followSystemTheme: () => void;
  /** Pick this theme (a restored backup's, when this device had not picked one). */
  pickTheme: (theme: Theme) => void;
}

export const createErgonomicsSlice: StateCreator<AppState, [], [], ErgonomicsSlice> = (set) => ({
  paletteOpen: false,
  shortcutsOpen: false,
  themeChoice: readStoredTheme(),
  systemTheme: readSystemTheme(),
  setPaletteOpen: (paletteOpen) => set({ paletteOpen }),
  setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),
  setSystemTheme: (systemTheme) => set({ systemTheme }),
  toggleTheme: () =>
    set((s) => {
      const themeChoice = selectTheme(s) === 'dark' ? 'light' : 'dark';
      storeTheme(themeChoice);
      return { themeChoice };
    }),
  followSystemTheme: () => {
    storeTheme('system');
    set({ themeChoice: 'system' });
  },
  pickTheme: (theme) => {
    storeTheme(theme);
    set({ themeChoice: theme });
  },
});
