import { useMemo } from 'react';
import { useIncidentRows } from '../../data/use-incident-list';
import { useAppStore } from '../../store/app-store';
import { selectTheme } from '../../store/ergonomics-slice';
import { useRegisterCommands, type Command } from './commands';
import { sameItems, useStableValue } from '../../data/use-stable-value';
import type { IncidentRow } from '@shared/storage/database';

const NO_ROWS: IncidentRow[] = [];
const sameTargets = sameItems<IncidentRow>(
  (a, b) => a.id === b.id && a.title === b.title && a.severity === b.severity && a.status === b.status && a.drill === b.drill,
);

/** Commands available on every screen: navigation, declaring, view settings, help. */
export const useAppCommands = (openDeclare: () => void): void => {
  const navigate = useAppStore((s) => s.navigate);
  const theme = useAppStore(selectTheme);
  const themeChosen = useAppStore((s) => s.themeChoice !== 'system');
  const toggleTheme = useAppStore((s) => s.toggleTheme);
  const followSystemTheme = useAppStore((s) => s.followSystemTheme);
  const utc = useAppStore((s) => s.utc);
  const toggleUtc = useAppStore((s) => s.toggleUtc);
  const setPaletteOpen = useAppStore((s) => s.setPaletteOpen);
  const setShortcutsOpen = useAppStore((s) => s.setShortcutsOpen);
  // Each saved edit rewrites its incident's row; the commands change only with what they show.
  const rows = useStableValue(useIncidentRows() ?? NO_ROWS, sameTargets);

  const fixed = useMemo(
    (): Command[] => [
      {
        id: 'help.palette',
        title: 'Command palette',
        group: 'Help',
        shortcut: { key: 'k', mod: true },
        whileTyping: true,
        run: () => setPaletteOpen(!useAppStore.getState().paletteOpen),
      },
      { id: 'help.shortcuts', title: 'Show keyboard shortcuts', group: 'Help', shortcut: { key: '?' }, run: () => setShortcutsOpen(true) },
      { id: 'nav.list', title: 'Go to all incidents', group: 'Navigate', keywords: ['list', 'home'], run: () => navigate({ name: 'list' }) },
      {
        id: 'nav.metrics',
        title: 'Go to metrics across incidents',
        group: 'Navigate',
        keywords: ['MTTA', 'MTTR', 'trends', 'weekly'],
        run: () => navigate({ name: 'metrics' }),
      },
      {
        id: 'nav.actions',
        title: 'Go to all action items',
        group: 'Navigate',
        keywords: ['follow-up', 'tasks', 'postmortem'],
        run: () => navigate({ name: 'actions' }),
      },
      { id: 'incident.declare', title: 'Declare incident', group: 'Incident', keywords: ['new', 'open'], run: openDeclare },
      {
        id: 'view.theme',
        title: theme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme',
        group: 'View',
        keywords: ['theme', 'dark', 'light', 'colours'],
        run: toggleTheme,
      },
      ...(themeChosen
        ? [{ id: 'view.theme.system', title: 'Follow the system theme', group: 'View', keywords: ['theme', 'dark', 'light', 'os', 'auto'], run: followSystemTheme } satisfies Command]
        : []),
      {
        id: 'view.utc',
        title: utc ? 'Show times in local time' : 'Show times in UTC',
        group: 'View',
        keywords: ['utc', 'timezone', 'clock'],
        run: toggleUtc,
      },
    ],
    [navigate, openDeclare, theme, themeChosen, toggleTheme, followSystemTheme, utc, toggleUtc, setPaletteOpen, setShortcutsOpen],
  );

  const open = useMemo(
    (): Command[] =>
      rows.map((r) => ({
        id: `nav.incident.${r.id}`,
        title: `Open: ${r.title}`,
        group: 'Navigate',
        keywords: [r.severity, r.status, ...(r.drill ? ['drill'] : [])],
        run: () => navigate({ name: 'incident', incidentId: r.id }),
      })),
    [rows, navigate],
  );

  useRegisterCommands(fixed);
  useRegisterCommands(open);
};
