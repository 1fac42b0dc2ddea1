import type { MenuItemConstructorOptions } from 'electron';
import type { AppCommand } from '../../shared/platform/app-commands';

export interface AppMenuOptions {
  platform: NodeJS.Platform;
  appName: string;
  /** Packaged builds get no reload or developer tools in the menu. */
  isPackaged: boolean;
  /** Hands a command to the renderer (the `command` event of the platform contract). */
  send(command: AppCommand): void;
  /** Help → Show Logs: handled in main (it opens the logs folder), not a renderer command. */
  showLogs(): void;
}

/** The id of Help → Show Logs. */
export const SHOW_LOGS_ID = 'help.showLogs';

interface CommandItem {
  label: string;
  command: AppCommand;
  accelerator?: string;
  /**
   * The page already handles this key (the command palette's own shortcut), so
   * the menu only shows it: registering it too would run the command twice.
   */
  pageHandlesKey?: boolean;
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

/**
 * The application menu: the platform's standard roles (edit, window, zoom,
 * full screen, and on macOS the app menu) plus Warroom's own commands. Pure
 * data, so app-menu.test.ts checks it without Electron; main.ts passes it to
 * Menu.buildFromTemplate. Command ids are the command palette's, so the menu
 * runs exactly what the palette runs.
 */
export function buildAppMenuTemplate(options: AppMenuOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const item = ({ label, command, accelerator, pageHandlesKey }: CommandItem): MenuItemConstructorOptions => ({
    id: command,
    label,
    ...(accelerator ? { accelerator, registerAccelerator: !pageHandlesKey } : {}),
    click: () => options.send(command),
  });

  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      item({ label: 'Declare Incident…', command: 'incident.declare', accelerator: 'CmdOrCtrl+N' }),
      item({ label: 'Join with Invite…', command: 'incident.join', accelerator: 'CmdOrCtrl+J' }),
      separator,
      {
        label: 'Export',
        submenu: [
          item({ label: 'Markdown…', command: 'export.markdown', accelerator: 'CmdOrCtrl+Shift+E' }),
          item({ label: 'JSON…', command: 'export.json' }),
          item({ label: 'PDF…', command: 'export.pdf', accelerator: 'CmdOrCtrl+P' }),
        ],
      },
      separator,
      item({ label: 'Host This Room on the LAN…', command: 'lan.host', accelerator: 'CmdOrCtrl+Shift+L' }),
      item({ label: 'Find Rooms on the LAN…', command: 'lan.discover' }),
      separator,
      mac ? { role: 'close' } : { role: 'quit' },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      item({ label: 'All Incidents', command: 'nav.list', accelerator: 'CmdOrCtrl+1' }),
      item({ label: 'Metrics', command: 'nav.metrics', accelerator: 'CmdOrCtrl+2' }),
      item({ label: 'Action Items', command: 'nav.actions', accelerator: 'CmdOrCtrl+3' }),
      separator,
      item({ label: 'Command Palette…', command: 'help.palette', accelerator: 'CmdOrCtrl+K', pageHandlesKey: true }),
      item({ label: 'Write a Timeline Entry', command: 'timeline.capture' }),
      item({ label: 'Search the Timeline', command: 'timeline.search' }),
      separator,
      item({ label: 'Switch Light or Dark Theme', command: 'view.theme' }),
      item({ label: 'Switch Local Time or UTC', command: 'view.utc' }),
      separator,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
      ...(options.isPackaged ? [] : [separator, { role: 'reload' } as const, { role: 'toggleDevTools' } as const]),
    ],
  };

  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [
      item({ label: 'Keyboard Shortcuts', command: 'help.shortcuts' }),
      separator,
      // Where the log and the crash dumps are, for a bug report; nothing is ever sent anywhere.
      { id: SHOW_LOGS_ID, label: 'Show Logs', click: () => options.showLogs() },
      // macOS has About in the app menu.
      ...(mac ? [] : [separator, { role: 'about' } as const]),
    ],
  };

  return [
    ...(mac ? [{ role: 'appMenu', label: options.appName } as const] : []),
    file,
    { role: 'editMenu' },
    view,
    { role: 'windowMenu' },
    help,
  ];
}
