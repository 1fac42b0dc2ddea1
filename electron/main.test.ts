import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { PLATFORM_CHANNELS, eventChannel, ipcChannel } from '../shared/platform/contract';
import { encodeInvite } from '../shared/sync/invite';
import { createShareSecret, deriveShareKeys } from '../shared/sync/share-keys';
import { createWebPreferences } from './window/web-preferences';

/*
 * Electron cannot run here, so main.ts is loaded against a fake 'electron'
 * that records the wiring: what happens before 'ready', what is registered
 * after, and that the registered callbacks use the tested policies.
 */
type Fn = (...args: never[]) => unknown;

function freshState(lock = true) {
  let markReady = (): void => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  return {
    lock,
    ready,
    markReady,
    log: [] as string[],
    appListeners: new Map<string, Fn>(),
    ipc: new Map<string, Fn>(),
    protocols: new Map<string, Fn>(),
    windows: [] as Array<{
      options: Record<string, unknown>;
      loaded: string[];
      sent: Array<[string, unknown]>;
      contentsListeners: Map<string, Fn>;
      state: string[];
    }>,
    menu: undefined as unknown,
    protocolClients: [] as unknown[][],
    userData: '',
    permissionRequest: undefined as Fn | undefined,
    permissionCheck: undefined as Fn | undefined,
    headersReceived: undefined as Fn | undefined,
    paths: new Map<string, string>(),
    crashReporter: [] as unknown[],
    logFile: undefined as string | undefined,
    logLines: [] as string[],
    shown: [] as string[],
    updateChecks: [] as unknown[],
  };
}

const fx = vi.hoisted(() => ({ s: undefined as unknown as ReturnType<typeof freshState> }));

// electron-log and electron-updater require('electron') themselves (CommonJS, out of vi.mock's reach): stand-ins.
vi.mock('electron-log/main', () => {
  const record = (...args: unknown[]) => fx.s.logLines.push(args.map(String).join(' '));
  const file = {
    maxSize: 0,
    level: 'silly',
    set resolvePathFn(fn: () => string) {
      fx.s.logFile = fn();
    },
  };
  return { default: { transports: { file }, errorHandler: { startCatching: () => undefined }, info: record, warn: record, error: record } };
});
vi.mock('electron-updater', () => ({
  autoUpdater: {
    currentVersion: { version: '9.9.9' },
    setFeedURL: (options: unknown) => fx.s.updateChecks.push(options),
    checkForUpdates: async () => null,
  },
}));

vi.mock('electron', () => {
  class BrowserWindow {
    static getAllWindows = () => fx.s.windows;
    static getFocusedWindow = () => null;
    loaded: string[] = [];
    sent: Array<[string, unknown]> = [];
    state: string[] = [];
    contentsListeners = new Map<string, Fn>();
    webContents = {
      send: (channel: string, payload: unknown) => this.sent.push([channel, payload]),
      on: (name: string, listener: Fn) => this.contentsListeners.set(name, listener),
    };
    constructor(readonly options: Record<string, unknown>) {
      fx.s.windows.push(this);
    }
    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
    isDestroyed = () => false;
    isMinimized = () => true;
    restore = () => this.state.push('restore');
    show = () => this.state.push('show');
    focus = () => this.state.push('focus');
    maximize = () => this.state.push('maximize');
    getNormalBounds = () => ({ x: 0, y: 0, width: 1000, height: 700 });
    isMaximized = () => false;
    once() {}
    on() {}
  }
  return {
    app: {
      enableSandbox: () => fx.s.log.push('enableSandbox'),
      requestSingleInstanceLock: () => fx.s.lock,
      quit: () => fx.s.log.push('quit'),
      exit: () => fx.s.log.push('exit'),
      on: (name: string, listener: Fn) => fx.s.appListeners.set(name, listener),
      whenReady: () => (fx.s.log.push('whenReady'), fx.s.ready),
      getVersion: () => '9.9.9',
      getPath: (name: string) => (name === 'userData' ? fx.s.userData : '/home/me/Downloads'),
      setPath: (name: string, value: string) => fx.s.paths.set(name, value),
      setAsDefaultProtocolClient: (...args: unknown[]) => fx.s.protocolClients.push(args),
      name: 'Warroom',
      isPackaged: true,
    },
    Menu: {
      buildFromTemplate: (template: unknown) => ({ template }),
      setApplicationMenu: (menu: unknown) => (fx.s.menu = menu),
    },
    screen: {
      getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
      getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown) => fx.s.log.push(`privileged:${JSON.stringify(schemes)}`),
      handle: (scheme: string, handler: Fn) => fx.s.protocols.set(scheme, handler),
    },
    ipcMain: { handle: (channel: string, listener: Fn) => fx.s.ipc.set(channel, listener) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: Fn) => (fx.s.permissionRequest = h),
        setPermissionCheckHandler: (h: Fn) => (fx.s.permissionCheck = h),
        webRequest: { onHeadersReceived: (h: Fn) => (fx.s.headersReceived = h) },
      },
    },
    shell: { openExternal: async () => undefined, showItemInFolder: (file: string) => fx.s.shown.push(file) },
    crashReporter: { start: (options: unknown) => (fx.s.crashReporter.push(options), fx.s.log.push('crashReporter')) },
    nativeTheme: { themeSource: 'system' },
    BrowserWindow,
    clipboard: { writeText: () => undefined },
    dialog: { showSaveDialog: async () => ({ canceled: true, filePath: '' }) },
    Notification: class {
      static isSupported = () => false;
    },
  };
});

const userDataDirs: string[] = [];
afterAll(() => {
  for (const dir of userDataDirs) rmSync(dir, { recursive: true, force: true });
});

async function startMain({ lock = true, devUrl, argv, updatesJson }: { lock?: boolean; devUrl?: string; argv?: string[]; updatesJson?: string } = {}) {
  fx.s = freshState(lock);
  fx.s.userData = mkdtempSync(path.join(os.tmpdir(), 'warroom-main-'));
  userDataDirs.push(fx.s.userData);
  if (updatesJson !== undefined) writeFileSync(path.join(fx.s.userData, 'updates.json'), updatesJson);
  if (argv) vi.spyOn(process, 'argv', 'get').mockReturnValue(argv);
  if (devUrl === undefined) vi.stubEnv('WARROOM_DEV_URL', '');
  else vi.stubEnv('WARROOM_DEV_URL', devUrl);
  vi.resetModules();
  await import('./main');
  return fx.s;
}

async function becomeReady(s: ReturnType<typeof freshState>) {
  s.markReady();
  await s.ready;
  // The window is created after the saved window state has been read from disk.
  await vi.waitFor(() => {
    if (s.windows.length === 0) throw new Error('no window yet');
  });
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

const keys = deriveShareKeys(createShareSecret());
const invite = encodeInvite({ incidentId: 'inc-7', room: keys.room, password: keys.password, signaling: ['ws://10.1.2.3:4444'], relays: [], title: 'DB down' });

type MenuItem = { id?: string; click?: () => void; submenu?: MenuItem[] };
const menuItems = (items: MenuItem[]): MenuItem[] => items.flatMap((i) => [i, ...(i.submenu ? menuItems(i.submenu) : [])]);

describe('main', () => {
  it('registers app:// as privileged and enables the sandbox before waiting for ready', async () => {
    const s = await startMain();
    const privileged = s.log.findIndex((l) => l.startsWith('privileged:'));
    expect(s.log[privileged]).toMatch(/^privileged:.*"scheme":"app".*"standard":true.*"secure":true/);
    expect(privileged).toBeLessThan(s.log.indexOf('whenReady'));
    expect(s.log).toContain('enableSandbox');
    expect(s.log.indexOf('enableSandbox')).toBeLessThan(s.log.indexOf('whenReady'));
    expect(s.windows).toEqual([]);
  });

  it('quits at once when another instance holds the lock', async () => {
    const s = await startMain({ lock: false });
    expect(s.log).toContain('quit');
    expect(s.log).not.toContain('whenReady');
  });

  it('once ready, opens one secured window on app://', async () => {
    const s = await startMain();
    await becomeReady(s);
    expect(s.windows).toHaveLength(1);
    const win = s.windows[0];
    expect(win?.options.webPreferences).toEqual(createWebPreferences((win?.options.webPreferences as { preload: string }).preload));
    expect((win?.options.webPreferences as { preload: string }).preload).toMatch(/preload\.cjs$/);
    expect(win?.loaded).toEqual(['app://warroom/index.html']);
    expect(s.protocols.has('app')).toBe(true);
  });

  it('registers every IPC channel, refusing other origins and serving the app', async () => {
    const s = await startMain();
    await becomeReady(s);
    expect([...s.ipc.keys()].sort()).toEqual(PLATFORM_CHANNELS.map(ipcChannel).sort());
    const appInfo = s.ipc.get('warroom:appInfo') as (event: unknown) => Promise<unknown>;
    await expect(appInfo({ senderFrame: { url: 'app://warroom/index.html' } })).resolves.toEqual({ kind: 'electron', version: '9.9.9' });
    await expect(appInfo({ senderFrame: { url: 'https://evil.example/' } })).rejects.toThrow(/did not come from the Warroom window/);
  });

  it('grants only notifications, only to the app', async () => {
    const s = await startMain();
    await becomeReady(s);
    const request = s.permissionRequest as (wc: unknown, p: string, cb: (ok: boolean) => void, d: { requestingUrl: string }) => void;
    const answers: boolean[] = [];
    request(null, 'notifications', (ok) => answers.push(ok), { requestingUrl: 'app://warroom/index.html' });
    request(null, 'media', (ok) => answers.push(ok), { requestingUrl: 'app://warroom/index.html' });
    request(null, 'notifications', (ok) => answers.push(ok), { requestingUrl: 'https://evil.example/' });
    expect(answers).toEqual([true, false, false]);
    const check = s.permissionCheck as (wc: unknown, p: string, origin: string) => boolean;
    expect([check(null, 'notifications', 'app://warroom'), check(null, 'geolocation', 'app://warroom')]).toEqual([true, false]);
  });

  it('puts the CSP on http responses', async () => {
    const s = await startMain();
    await becomeReady(s);
    const hook = s.headersReceived as (d: { responseHeaders: Record<string, string[]> }, cb: (r: unknown) => void) => void;
    let response: { responseHeaders?: Record<string, string[]> } = {};
    hook({ responseHeaders: { 'content-security-policy': ['default-src *'] } }, (r) => (response = r as typeof response));
    expect(response.responseHeaders?.['Content-Security-Policy']?.[0]).toMatch(/^default-src 'self'; script-src 'self';/);
    expect(response.responseHeaders).not.toHaveProperty('content-security-policy');
  });

  it('guards every new webContents', async () => {
    const s = await startMain();
    const events: string[] = [];
    const contents = { on: (name: string) => events.push(name), setWindowOpenHandler: () => events.push('setWindowOpenHandler') };
    (s.appListeners.get('web-contents-created') as (e: unknown, c: unknown) => void)({}, contents);
    expect(events.sort()).toEqual(['setWindowOpenHandler', 'will-attach-webview', 'will-frame-navigate', 'will-redirect']);
  });

  it('loads the dev server when WARROOM_DEV_URL is set, and trusts only its origin', async () => {
    const s = await startMain({ devUrl: 'http://localhost:5173' });
    await becomeReady(s);
    expect(s.windows[0]?.loaded).toEqual(['http://localhost:5173/']);
    const appInfo = s.ipc.get('warroom:appInfo') as (event: unknown) => Promise<unknown>;
    await expect(appInfo({ senderFrame: { url: 'http://localhost:5173/' } })).resolves.toMatchObject({ kind: 'electron' });
    await expect(appInfo({ senderFrame: { url: 'app://warroom/index.html' } })).rejects.toThrow(/did not come from/);
  });

  it('sets the application menu, whose commands go to the renderer on the command event channel', async () => {
    const s = await startMain();
    await becomeReady(s);
    const items = menuItems((s.menu as { template: MenuItem[] }).template);
    items.find((i) => i.id === 'nav.metrics')?.click?.();
    expect(s.windows[0]?.sent).toEqual([[eventChannel('command'), 'nav.metrics']]);
  });

  it('logs to a file in the user-data folder, and Help → Show Logs shows it', async () => {
    const s = await startMain();
    await becomeReady(s);
    expect(s.logFile).toBe(path.join(s.userData, 'logs', 'main.log'));
    expect(s.logLines[0]).toMatch(/^Warroom 9\.9\.9 starting/);
    menuItems((s.menu as { template: MenuItem[] }).template)
      .find((i) => i.id === 'help.showLogs')
      ?.click?.();
    expect(s.shown).toEqual([path.join(s.userData, 'logs', 'main.log')]);
    expect(s.windows[0]?.sent).toEqual([]);
  });

  it('keeps crash dumps in the user-data folder and never uploads them, from before ready', async () => {
    const s = await startMain();
    expect(s.paths.get('crashDumps')).toBe(path.join(s.userData, 'crashes'));
    expect(s.crashReporter).toEqual([{ uploadToServer: false }]);
    expect(s.log.indexOf('crashReporter')).toBeGreaterThanOrEqual(0);
    expect(s.log.indexOf('crashReporter')).toBeLessThan(s.log.indexOf('whenReady'));
  });

  it('checks for updates only when updates.json names a feed', async () => {
    const off = await startMain();
    await becomeReady(off);
    await vi.waitFor(() => expect(off.logLines).toContain('Updates off: No update feed is set (updates.json in the user-data folder).'));
    expect(off.updateChecks).toEqual([]);

    const s = await startMain({ updatesJson: '{"feedUrl":"https://updates.example.com/warroom/"}' });
    await becomeReady(s);
    await vi.waitFor(() => expect(s.updateChecks).toEqual([{ provider: 'generic', url: 'https://updates.example.com/warroom/' }]));
  });

  it('registers itself for warroom:// links', async () => {
    const s = await startMain();
    expect(s.protocolClients.map((args) => args[0])).toEqual(['warroom']);
  });

  it('opens the invite of a link it was started with, once the page has loaded', async () => {
    const s = await startMain({ argv: ['/opt/Warroom/warroom', `warroom://join/${invite}`] });
    await becomeReady(s);
    const win = s.windows[0]!;
    expect(win.sent).toEqual([]);
    win.contentsListeners.get('did-finish-load')?.();
    expect(win.sent).toEqual([[eventChannel('openInvite'), invite]]);
  });

  it('a second instance focuses the window and forwards its link; a bad link is dropped', async () => {
    const s = await startMain();
    await becomeReady(s);
    const win = s.windows[0]!;
    win.contentsListeners.get('did-finish-load')?.();
    const secondInstance = s.appListeners.get('second-instance') as (e: unknown, argv: string[]) => void;
    secondInstance({}, ['/opt/Warroom/warroom', 'warroom://join/not-an-invite']);
    secondInstance({}, ['/opt/Warroom/warroom', `warroom://join?invite=${invite}`]);
    expect(win.state).toEqual(['restore', 'show', 'focus', 'restore', 'show', 'focus']);
    expect(win.sent).toEqual([[eventChannel('openInvite'), invite]]);
  });

  it('takes macOS open-url links, also before the window exists', async () => {
    const s = await startMain();
    let prevented = false;
    (s.appListeners.get('open-url') as (e: unknown, url: string) => void)({ preventDefault: () => (prevented = true) }, `warroom://join/${invite}`);
    expect(prevented).toBe(true);
    await becomeReady(s);
    s.windows[0]!.contentsListeners.get('did-finish-load')?.();
    expect(s.windows[0]!.sent).toEqual([[eventChannel('openInvite'), invite]]);
  });

  it('reopens the window where it was left', async () => {
    const s = await startMain();
    writeFileSync(path.join(s.userData, 'window-state.json'), JSON.stringify({ bounds: { x: 40, y: 60, width: 1100, height: 750 }, maximized: true }));
    await becomeReady(s);
    expect(s.windows[0]?.options).toMatchObject({ x: 40, y: 60, width: 1100, height: 750 });
    expect(s.windows[0]?.state).toContain('maximize');
  });
});
