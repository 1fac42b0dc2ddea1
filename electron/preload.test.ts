import { beforeAll, describe, expect, it, vi } from 'vitest';
import { PLATFORM_CHANNELS, PLATFORM_EVENTS, PLATFORM_GLOBAL, eventChannel, eventSubscriberName } from '../shared/platform/contract';

// The real 'electron' module only works inside Electron; the preload is
// exercised against a fake contextBridge and ipcRenderer instead.
const electron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invokes: [] as Array<[string, unknown[]]>,
  listeners: new Map<string, Array<(event: unknown, ...args: unknown[]) => void>>(),
}));

vi.mock('electron', () => {
  const ipcRenderer = {
    invoke: async (channel: string, ...args: unknown[]) => {
      electron.invokes.push([channel, args]);
      return { kind: 'electron', version: 'test' };
    },
    on: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => {
      electron.listeners.set(channel, [...(electron.listeners.get(channel) ?? []), listener]);
    },
    removeListener: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => {
      electron.listeners.set(channel, (electron.listeners.get(channel) ?? []).filter((l) => l !== listener));
    },
    send: () => undefined,
  };
  return {
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => electron.exposed.set(key, value) },
    ipcRenderer,
  };
});

/** What main's webContents.send does: every listener gets (event, payload), the event naming ipcRenderer as sender. */
const sendFromMain = (channel: string, payload: unknown) => {
  for (const l of electron.listeners.get(channel) ?? []) l({ sender: 'the ipcRenderer object' }, payload);
};

beforeAll(async () => {
  await import('./preload');
});

describe('preload', () => {
  it('exposes only the platform API, under its global name', () => {
    expect([...electron.exposed.keys()]).toEqual([PLATFORM_GLOBAL]);
    const api = electron.exposed.get(PLATFORM_GLOBAL) as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual([...PLATFORM_CHANNELS, ...PLATFORM_EVENTS.map(eventSubscriberName)].sort());
  });

  it('never hands the page ipcRenderer or its methods', () => {
    const api = electron.exposed.get(PLATFORM_GLOBAL) as Record<string, unknown>;
    for (const forbidden of ['invoke', 'send', 'on', 'removeListener', 'ipcRenderer']) expect(api).not.toHaveProperty(forbidden);
  });

  it('forwards a call to the matching IPC channel', async () => {
    const api = electron.exposed.get(PLATFORM_GLOBAL) as { appInfo(): Promise<unknown>; copyText(t: string): Promise<unknown> };
    await expect(api.appInfo()).resolves.toEqual({ kind: 'electron', version: 'test' });
    await api.copyText('invite');
    expect(electron.invokes).toEqual([
      ['warroom:appInfo', []],
      ['warroom:copyText', ['invite']],
    ]);
  });

  it('hands an event listener the payload alone, never the IPC event, and stops on unsubscribe', () => {
    const api = electron.exposed.get(PLATFORM_GLOBAL) as { onCommand(l: (...args: unknown[]) => void): () => void };
    const heard: unknown[][] = [];
    const off = api.onCommand((...args) => heard.push(args));
    sendFromMain(eventChannel('command'), 'nav.metrics');
    off();
    sendFromMain(eventChannel('command'), 'nav.list');
    expect(heard).toEqual([['nav.metrics']]);
  });

  it('listens to each event channel with one ipcRenderer listener, whatever the page does', () => {
    for (const event of PLATFORM_EVENTS) expect(electron.listeners.get(eventChannel(event))).toHaveLength(1);
  });
});
