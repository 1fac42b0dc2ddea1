import { afterEach, describe, expect, it, vi } from 'vitest';
import { PLATFORM_CHANNELS, ipcChannel } from '../shared/platform/contract';
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
    windows: [] as Array<{ options: Record<string, unknown>; loaded: string[] }>,
    permissionRequest: undefined as Fn | undefined,
    permissionCheck: undefined as Fn | undefined,
    headersReceived: undefined as Fn | undefined,
  };
}

const fx = vi.hoisted(() => ({ s: undefined as unknown as ReturnType<typeof freshState> }));

vi.mock('electron', () => {
  class BrowserWindow {
    static getAllWindows = () => fx.s.windows;
    static getFocusedWindow = () => null;
    loaded: string[] = [];
    constructor(readonly options: Record<string, unknown>) {
      fx.s.windows.push(this);
    }
    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
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
      getPath: () => '/home/me/Downloads',
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
    shell: { openExternal: async () => undefined },
    BrowserWindow,
    clipboard: { writeText: () => undefined },
    dialog: { showSaveDialog: async () => ({ canceled: true, filePath: '' }) },
    Notification: class {
      static isSupported = () => false;
    },
  };
});

async function startMain({ lock = true, devUrl }: { lock?: boolean; devUrl?: string } = {}) {
  fx.s = freshState(lock);
  if (devUrl === undefined) vi.stubEnv('WARROOM_DEV_URL', '');
  else vi.stubEnv('WARROOM_DEV_URL', devUrl);
  vi.resetModules();
  await import('./main');
  return fx.s;
}

async function becomeReady(s: ReturnType<typeof freshState>) {
  s.markReady();
  await s.ready;
  await new Promise((resolve) => setImmediate(resolve));
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('main', () => {
  it('registers app:// as privileged and enables the sandbox before waiting for ready', async () => {
    const s = await startMain();
    expect(s.log[0]).toMatch(/^privileged:.*"scheme":"app".*"standard":true.*"secure":true/);
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
});
