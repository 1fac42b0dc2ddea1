import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { APP_COMMANDS, type AppCommand } from '../../shared/platform/app-commands';
import { SHOW_LOGS_ID, buildAppMenuTemplate } from './app-menu';

function build(platform: NodeJS.Platform, isPackaged = true) {
  const sent: AppCommand[] = [];
  const logsShown: number[] = [];
  const template = buildAppMenuTemplate({ platform, appName: 'Warroom', isPackaged, send: (c) => sent.push(c), showLogs: () => logsShown.push(1) });
  return { template, sent, logsShown };
}

/** Every item at any depth. */
function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
}

const click = (item: MenuItemConstructorOptions) => (item.click as unknown as () => void)();

describe.each(['darwin', 'linux', 'win32'] as const)('buildAppMenuTemplate on %s', (platform) => {
  it('offers every app command exactly once, and clicking it sends that command', () => {
    const { template, sent } = build(platform);
    const commandItems = flatten(template).filter((i) => i.click && i.id !== SHOW_LOGS_ID);
    for (const item of commandItems) click(item);
    expect([...sent].sort()).toEqual([...APP_COMMANDS].sort());
    expect(commandItems.map((i) => i.id)).toEqual(sent);
  });

  it('has Help → Show Logs, which main handles without the renderer', () => {
    const { template, sent, logsShown } = build(platform);
    const help = template.find((i) => i.role === 'help');
    const showLogs = flatten([help!]).find((i) => i.id === SHOW_LOGS_ID);
    expect(showLogs?.label).toBe('Show Logs');
    click(showLogs!);
    expect(logsShown).toEqual([1]);
    expect(sent).toEqual([]);
  });

  it('has the standard Edit and Window menus, with the platform roles for undo, copy and paste', () => {
    const roles = build(platform).template.map((i) => i.role);
    expect(roles).toContain('editMenu');
    expect(roles).toContain('windowMenu');
    expect(roles).toContain('help');
  });

  it('gives no two items the same accelerator', () => {
    const accelerators = flatten(build(platform).template)
      .map((i) => i.accelerator)
      .filter((a): a is string => typeof a === 'string');
    expect(accelerators.length).toBeGreaterThan(5);
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });

  it('leaves keys the page already handles to the page (shown, not registered)', () => {
    const palette = flatten(build(platform).template).find((i) => i.id === 'help.palette');
    expect(palette?.accelerator).toBe('CmdOrCtrl+K');
    expect(palette?.registerAccelerator).toBe(false);
    const declare = flatten(build(platform).template).find((i) => i.id === 'incident.declare');
    expect(declare?.registerAccelerator).toBe(true);
  });

  it('has no reload or developer tools in a packaged build, and both in development', () => {
    const packaged = flatten(build(platform, true).template).map((i) => i.role);
    expect(packaged).not.toContain('toggleDevTools');
    expect(packaged).not.toContain('reload');
    const dev = flatten(build(platform, false).template).map((i) => i.role);
    expect(dev).toContain('toggleDevTools');
    expect(dev).toContain('reload');
  });

  it('can quit exactly one way from the menus', () => {
    const roles = flatten(build(platform).template).map((i) => i.role);
    // macOS quits from the app menu role, which Electron fills in; elsewhere File → Quit.
    expect(roles.filter((r) => r === 'quit')).toHaveLength(platform === 'darwin' ? 0 : 1);
    expect(roles.filter((r) => r === 'appMenu')).toHaveLength(platform === 'darwin' ? 1 : 0);
  });
});

describe('the macOS menu bar', () => {
  it('starts with the app menu named after the app', () => {
    const first = build('darwin').template[0];
    expect(first).toEqual({ role: 'appMenu', label: 'Warroom' });
  });

  it('closes the window from File instead of quitting, and keeps About in the app menu', () => {
    const items = flatten(build('darwin').template);
    expect(items.map((i) => i.role)).toContain('close');
    expect(items.map((i) => i.role)).not.toContain('about');
  });
});

describe('the Windows and Linux menu bar', () => {
  it('starts with File and puts About under Help', () => {
    const { template } = build('linux');
    expect(template[0]?.label).toBe('File');
    const help = template.find((i) => i.role === 'help');
    expect(flatten([help!]).map((i) => i.role)).toContain('about');
  });
});
