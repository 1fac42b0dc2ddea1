import { useEffect, useLayoutEffect } from 'react';
import { selectTheme } from '../../store/ergonomics-slice';
import { useAppStore } from '../../store/app-store';
import { platform } from '../../platform';
import './theme.css';

/**
 * Put the theme on <html data-theme>, before paint so there is no flash of the
 * other one. Until the user picks, it follows the OS's prefers-color-scheme,
 * live. The choice also goes to the platform: Electron's nativeTheme, so the
 * native menus and dialogs match (and the page's prefers-color-scheme with them).
 */
export const useThemeSync = (): void => {
  const theme = useAppStore(selectTheme);
  const choice = useAppStore((s) => s.themeChoice);
  const setSystemTheme = useAppStore((s) => s.setSystemTheme);

  useLayoutEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  useEffect(() => {
    const query = window.matchMedia?.('(prefers-color-scheme: light)');
    if (!query) return;
    const onChange = () => setSystemTheme(query.matches ? 'light' : 'dark');
    onChange();
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, [setSystemTheme]);

  useEffect(() => {
    platform.setThemeSource(choice).catch(() => undefined);
  }, [choice]);
};
