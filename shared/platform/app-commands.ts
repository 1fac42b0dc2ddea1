/**
 * Commands the desktop menu can send to the renderer. The ids are the command
 * palette's (renderer/features/command-palette), so a menu item runs exactly
 * what the palette runs; the renderer tells the user when the current screen
 * offers no such command. Free of zod: the menu builder in main imports it.
 */
export const APP_COMMANDS = [
  'incident.declare',
  'incident.join',
  'nav.list',
  'nav.metrics',
  'nav.actions',
  'help.palette',
  'help.shortcuts',
  'timeline.capture',
  'timeline.search',
  'export.markdown',
  'export.json',
  'export.pdf',
  'lan.host',
  'lan.discover',
  'view.theme',
  'view.utc',
] as const;

export type AppCommand = (typeof APP_COMMANDS)[number];

export const isAppCommand = (value: unknown): value is AppCommand =>
  typeof value === 'string' && (APP_COMMANDS as readonly string[]).includes(value);
