export { useThemeSync } from './use-theme';
export { ThemeToggle } from './ThemeToggle';
