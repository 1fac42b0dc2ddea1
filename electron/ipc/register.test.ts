import { describe, expect, it } from 'vitest';
import { PLATFORM_CHANNELS, ipcChannel, type PlatformInvokeApi } from '../../shared/platform/contract';
import { registerIpc, type IpcMainLike } from './register';

interface FakeEvent {
  trusted: boolean;
}
type Listener = (event: FakeEvent, ...args: unknown[]) => Promise<unknown>;

/** ipcMain as a Map of channel → listener; `invoke` plays the renderer. */
function fakeIpcMain() {
  const listeners = new Map<string, Listener>();
  const ipcMain: IpcMainLike<FakeEvent> = {
    handle(channel, listener) {
      if (listeners.has(channel)) throw new Error(`second handler for ${channel}`);
      listeners.set(channel, listener);
    },
  };
  const invoke = (channel: string, event: FakeEvent, ...args: unknown[]) => {
    const listener = listeners.get(channel);
    if (!listener) throw new Error(`no handler for ${channel}`);
    return listener(event, ...args);
  };
  return { ipcMain, listeners, invoke };
}

/** Handlers that record their (parsed) arguments. */
function recordingHandlers() {
  const calls: Array<[string, unknown[]]> = [];
  const handlers: PlatformInvokeApi = {
    saveFile: async (...args) => (calls.push(['saveFile', args]), { saved: true, location: '/tmp/x' }),
    printToPdf: async (...args) => (calls.push(['printToPdf', args]), { saved: true, location: '/tmp/x.pdf' }),
    notify: async (...args) => void calls.push(['notify', args]),
    copyText: async (...args) => void calls.push(['copyText', args]),
    openExternal: async (...args) => void calls.push(['openExternal', args]),
    appInfo: async (...args) => (calls.push(['appInfo', args]), { kind: 'electron', version: '0.1.0' }),
    hostLan: async (...args) => (calls.push(['hostLan', args]), { state: 'stopped' }),
    stopLan: async (...args) => (calls.push(['stopLan', args]), { state: 'stopped' }),
    lanStatus: async (...args) => (calls.push(['lanStatus', args]), { state: 'stopped' }),
    discoverLan: async (...args) => (calls.push(['discoverLan', args]), { available: true, hosts: [] }),
    setThemeSource: async (...args) => void calls.push(['setThemeSource', args]),
  };
  return { handlers, calls };
}

function setup() {
  const ipc = fakeIpcMain();
  const rec = recordingHandlers();
  registerIpc(ipc.ipcMain, rec.handlers, (e) => e.trusted);
  return { ...ipc, ...rec };
}

const trusted: FakeEvent = { trusted: true };
const untrusted: FakeEvent = { trusted: false };

const goodArgs: Record<string, unknown[]> = {
  saveFile: [{ suggestedName: 'inc.md', mimeType: 'text/markdown', data: '# INC' }],
  notify: [{ title: 'Update due', body: '' }],
  copyText: ['invite'],
  openExternal: ['https://example.com/'],
  appInfo: [],
  printToPdf: [{ suggestedName: 'INC-42 postmortem.pdf', pageSize: 'Letter' }],
  hostLan: [{ displayName: 'Ada on the SRE laptop', port: 4444 }],
  stopLan: [],
  lanStatus: [],
  discoverLan: [{ timeoutMs: 1500 }],
  setThemeSource: ['system'],
};

describe('registerIpc', () => {
  it('registers exactly one prefixed channel per contract function', () => {
    const { listeners } = setup();
    expect([...listeners.keys()].sort()).toEqual(PLATFORM_CHANNELS.map(ipcChannel).sort());
    expect([...listeners.keys()].every((c) => c.startsWith('warroom:'))).toBe(true);
  });

  it.each(PLATFORM_CHANNELS)('%s: good arguments from the app reach the handler', async (k) => {
    const { invoke, calls } = setup();
    await invoke(ipcChannel(k), trusted, ...(goodArgs[k] ?? []));
    expect(calls).toEqual([[k, goodArgs[k]]]);
  });

  it('returns the handler result to the renderer', async () => {
    const { invoke } = setup();
    await expect(invoke('warroom:appInfo', trusted)).resolves.toEqual({ kind: 'electron', version: '0.1.0' });
    await expect(invoke('warroom:saveFile', trusted, ...(goodArgs.saveFile ?? []))).resolves.toEqual({ saved: true, location: '/tmp/x' });
  });

  it('passes binary file data through as bytes', async () => {
    const { invoke, calls } = setup();
    const data = new Uint8Array([0xde, 0xad]);
    await invoke('warroom:saveFile', trusted, { suggestedName: 'inc.bin', mimeType: 'application/octet-stream', data });
    expect(calls[0]?.[1]).toEqual([{ suggestedName: 'inc.bin', mimeType: 'application/octet-stream', data }]);
  });

  it.each(PLATFORM_CHANNELS)('%s: an untrusted sender is refused before anything runs', async (k) => {
    const { invoke, calls } = setup();
    await expect(invoke(ipcChannel(k), untrusted, ...(goodArgs[k] ?? []))).rejects.toThrow(
      `${ipcChannel(k)} refused: the call did not come from the Warroom window.`,
    );
    expect(calls).toEqual([]);
  });

  it.each([
    ['saveFile', [], /invalid arguments/],
    ['saveFile', [{ suggestedName: '../../.bashrc', mimeType: 'text/plain', data: 'x' }], /not allowed/],
    ['saveFile', [{ suggestedName: 'a.txt', mimeType: 'text/plain', data: 42 }], /data/],
    ['notify', [{ title: '', body: 'x' }], /title/],
    ['notify', [{ title: 't', body: 'x'.repeat(1001) }], /body/],
    ['copyText', [42], /expected string/],
    ['copyText', ['a', 'extra'], /invalid arguments/],
    ['openExternal', ['file:///etc/passwd'], /only http\(s\) links/],
    ['openExternal', ['javascript:alert(1)'], /only http\(s\) links/],
    ['appInfo', ['unexpected'], /invalid arguments/],
    ['printToPdf', [{ suggestedName: 'postmortem.md' }], /must end in \.pdf/],
    ['printToPdf', [{ suggestedName: '../../x.pdf' }], /not allowed/],
    ['printToPdf', [{ suggestedName: 'x.pdf', pageSize: 'A0' }], /pageSize/],
    ['hostLan', [{ displayName: '' }], /displayName/],
    ['hostLan', [{ displayName: 'x'.repeat(41) }], /displayName/],
    ['hostLan', [{ displayName: 'evil\nname' }], /control characters/],
    ['hostLan', [{ displayName: 'Ada', port: 80 }], /port/],
    ['hostLan', [{ displayName: 'Ada', port: 4444.5 }], /port/],
    ['stopLan', ['now'], /invalid arguments/],
    ['discoverLan', [{ timeoutMs: 60_000 }], /timeoutMs/],
    ['discoverLan', [], /invalid arguments/],
    ['setThemeSource', ['sepia'], /system|light|dark/],
    ['setThemeSource', [], /invalid arguments/],
  ] as const)('%s refuses bad arguments %j', async (k, args, message) => {
    const { invoke, calls } = setup();
    const error = await invoke(ipcChannel(k), trusted, ...args).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain(`${ipcChannel(k)} refused: invalid arguments.`);
    expect((error as Error).message).toMatch(message);
    expect(calls).toEqual([]);
  });

  it('hands the handler the parsed arguments, not the raw ones', async () => {
    const { invoke, calls } = setup();
    // An extra property smuggled in by a compromised page is stripped by the schema.
    await invoke('warroom:notify', trusted, { title: 't', body: 'b', isAdmin: true });
    expect(calls).toEqual([['notify', [{ title: 't', body: 'b' }]]]);
  });
});
