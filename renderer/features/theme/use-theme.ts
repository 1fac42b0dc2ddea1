import { useLayoutEffect } from 'react';
import { useAppStore } from '../../store/app-store';
import './theme.css';

/** Put the chosen theme on <html data-theme>, before paint so there is no flash of the other one. */
export const useThemeSync = (): void => {
  const theme = useAppStore((s) => s.theme);
  useLayoutEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
};
