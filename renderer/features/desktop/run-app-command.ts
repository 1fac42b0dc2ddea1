import type { AppCommand } from '@shared/platform/app-commands';

/** What the menu's commands are called when one cannot run here. */
export const APP_COMMAND_LABELS: Record<AppCommand, string> = {
  'incident.declare': 'Declare incident',
  'incident.join': 'Join with invite',
  'nav.list': 'All incidents',
  'nav.metrics': 'Metrics',
  'nav.actions': 'Action items',
  'help.palette': 'Command palette',
  'help.shortcuts': 'Keyboard shortcuts',
  'timeline.capture': 'Write a timeline entry',
  'timeline.search': 'Search the timeline',
  'export.markdown': 'Export as Markdown',
  'export.json': 'Export as JSON',
  'export.pdf': 'Export as PDF',
  'lan.host': 'Host this room on the LAN',
  'lan.discover': 'Find rooms on the LAN',
  'view.theme': 'Switch theme',
  'view.utc': 'Switch local time or UTC',
};

export interface RunnableCommand {
  readonly id: string;
  run(): void;
}

export type CommandOutcome = 'registered' | 'fallback' | 'unavailable';

/**
 * Runs a menu command: the command palette's command with the same id when the
 * current screen offers one (so menu and palette do the same thing), else this
 * feature's fallback, else nothing; the caller then tells the user why.
 */
export function runAppCommand(
  id: AppCommand,
  registered: readonly RunnableCommand[],
  fallbacks: Partial<Record<AppCommand, () => void>>,
): CommandOutcome {
  const command = registered.find((c) => c.id === id);
  if (command) {
    command.run();
    return 'registered';
  }
  const fallback = fallbacks[id];
  if (fallback) {
    fallback();
    return 'fallback';
  }
  return 'unavailable';
}

export const unavailableMessage = (id: AppCommand): string => `“${APP_COMMAND_LABELS[id]}” is not available on this screen.`;
