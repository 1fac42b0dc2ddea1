import { selectTheme } from '../../store/ergonomics-slice';
import { useAppStore } from '../../store/app-store';

/** Follows the OS until pressed; then light or dark as chosen ("Follow the system theme" in the palette undoes the pick). */
export const ThemeToggle = () => {
  const theme = useAppStore(selectTheme);
  const following = useAppStore((s) => s.themeChoice === 'system');
  const toggle = useAppStore((s) => s.toggleTheme);
  return (
    <button
      type="button"
      className="topbar-tool"
      aria-pressed={theme === 'light'}
      onClick={toggle}
      title={following ? 'Light or dark theme (now following the system)' : 'Light or dark theme (your choice; the palette can follow the system again)'}
    >
      Light theme
    </button>
  );
};
