import { useAppStore } from '../../store/app-store';

/** Dark by default (a war room is often a dim room at night); light for daylight and projectors. */
export const ThemeToggle = () => {
  const theme = useAppStore((s) => s.theme);
  const toggle = useAppStore((s) => s.toggleTheme);
  return (
    <button type="button" className="topbar-tool" aria-pressed={theme === 'light'} onClick={toggle} title="Light or dark theme">
      Light theme
    </button>
  );
};
