import { beforeAll, describe, expect, it, vi } from 'vitest';
import { PLATFORM_CHANNELS, PLATFORM_GLOBAL } from '../shared/platform/contract';

// The real 'electron' module only works inside Electron; the preload is
// exercised against a fake contextBridge and ipcRenderer instead.
const electron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invokes: [] as Array<[string, unknown[]]>,
}));

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, value: unknown) => electron.exposed.set(key, value),
  },
  ipcRenderer: {
    invoke: async (channel: string, ...args: unknown[]) => {
      electron.invokes.push([channel, args]);
      return { kind: 'electron', version: 'test' };
    },
    on: () => undefined,
    send: () => undefined,
  },
}));

beforeAll(async () => {
  await import('./preload');
});

describe('preload', () => {
  it('exposes only the platform API, under its global name', () => {
    expect([...electron.exposed.keys()]).toEqual([PLATFORM_GLOBAL]);
    const api = electron.exposed.get(PLATFORM_GLOBAL) as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual([...PLATFORM_CHANNELS].sort());
  });

  it('never hands the page ipcRenderer or its methods', () => {
    const api = electron.exposed.get(PLATFORM_GLOBAL) as Record<string, unknown>;
    for (const forbidden of ['invoke', 'send', 'on', 'ipcRenderer']) expect(api).not.toHaveProperty(forbidden);
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
});
