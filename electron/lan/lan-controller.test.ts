import { describe, expect, it } from 'vitest';
import type { DiscoveredHost } from '../../shared/platform/lan';
import { LanController, type LanControllerDeps } from './lan-controller';
import type { LanHost } from './lan-host';

const inUse = () => Object.assign(new Error('listen EADDRINUSE: address already in use 0.0.0.0:4444'), { code: 'EADDRINUSE' });

function fakeDeps(options: { busyPorts?: number[]; failWith?: Error } = {}) {
  const started: Array<{ displayName: string; port: number }> = [];
  const stopped: number[] = [];
  const discovered: Array<{ timeoutMs: number; exclude?: string }> = [];
  let release: () => void = () => undefined;
  let gate: Promise<void> = Promise.resolve();
  const deps: LanControllerDeps = {
    async start({ displayName, port }) {
      started.push({ displayName, port });
      await gate;
      if (options.failWith) throw options.failWith;
      if (options.busyPorts?.includes(port)) throw inUse();
      const actual = port === 0 ? 50123 : port;
      const host: LanHost = {
        port: actual,
        name: `${displayName} [beef]`,
        pageUrls: [`http://192.168.1.20:${actual}/`],
        signalingUrls: [`ws://192.168.1.20:${actual}`],
        advertised: true,
        stop: async () => void stopped.push(actual),
      };
      return host;
    },
    async discover(o) {
      discovered.push(o);
      return [] as DiscoveredHost[];
    },
  };
  const hold = () => {
    gate = new Promise((resolve) => (release = resolve));
  };
  return { deps, started, stopped, discovered, hold, release: () => release() };
}

describe('LanController', () => {
  it('is stopped until asked to host, then reports the host', async () => {
    const { deps, started } = fakeDeps();
    const lan = new LanController(deps);
    expect(lan.status()).toEqual({ state: 'stopped' });
    const status = await lan.host({ displayName: 'Ada' });
    expect(status).toEqual({
      state: 'hosting',
      name: 'Ada [beef]',
      port: 4444,
      pageUrls: ['http://192.168.1.20:4444/'],
      signalingUrls: ['ws://192.168.1.20:4444'],
      advertised: true,
    });
    expect(lan.status()).toEqual(status);
    expect(started).toEqual([{ displayName: 'Ada', port: 4444 }]);
  });

  it('takes any free port when 4444 is in use', async () => {
    const { deps, started } = fakeDeps({ busyPorts: [4444] });
    const status = await new LanController(deps).host({ displayName: 'Ada' });
    expect(status).toMatchObject({ state: 'hosting', port: 50123 });
    expect(started.map((s) => s.port)).toEqual([4444, 0]);
  });

  it('hosts on the port it used last time, and remembers the port it got', async () => {
    const { deps, started } = fakeDeps();
    const kept: number[] = [];
    const lan = new LanController({ ...deps, rememberedPort: async () => 5123, rememberPort: async (p) => void kept.push(p) });
    expect(await lan.host({ displayName: 'Ada' })).toMatchObject({ port: 5123 });
    expect(started.map((s) => s.port)).toEqual([5123]);
    expect(kept).toEqual([5123]);
  });

  it('falls back to 4444, then any port, when the remembered one is taken; and remembers what it got', async () => {
    const taken = fakeDeps({ busyPorts: [5123] });
    const kept: number[] = [];
    const memory = { rememberedPort: async () => 5123, rememberPort: async (p: number) => void kept.push(p) };
    expect(await new LanController({ ...taken.deps, ...memory }).host({ displayName: 'Ada' })).toMatchObject({ port: 4444 });
    expect(taken.started.map((s) => s.port)).toEqual([5123, 4444]);

    const both = fakeDeps({ busyPorts: [5123, 4444] });
    expect(await new LanController({ ...both.deps, ...memory }).host({ displayName: 'Ada' })).toMatchObject({ port: 50123 });
    expect(both.started.map((s) => s.port)).toEqual([5123, 4444, 0]);
    expect(kept).toEqual([4444, 50123]);
  });

  it('hosts even when the memory cannot be read or written', async () => {
    const { deps } = fakeDeps();
    const lan = new LanController({ ...deps, rememberedPort: () => Promise.reject(new Error('EACCES')), rememberPort: () => Promise.reject(new Error('EROFS')) });
    expect(await lan.host({ displayName: 'Ada' })).toMatchObject({ state: 'hosting', port: 4444 });
  });

  it('reports other start failures without retrying', async () => {
    const { deps, started } = fakeDeps({ failWith: Object.assign(new Error('listen EACCES'), { code: 'EACCES' }) });
    const lan = new LanController(deps);
    await expect(lan.host({ displayName: 'Ada' })).rejects.toThrow(/EACCES/);
    expect(started).toHaveLength(1);
    expect(lan.status()).toEqual({ state: 'stopped' });
  });

  it('hosts once however often it is asked, even while starting', async () => {
    const { deps, started, hold, release } = fakeDeps();
    const lan = new LanController(deps);
    hold();
    const a = lan.host({ displayName: 'Ada' });
    const b = lan.host({ displayName: 'Ada again' });
    release();
    expect(await a).toEqual(await b);
    await lan.host({ displayName: 'third' });
    expect(started).toHaveLength(1);
  });

  it('stops the host, and stopping twice is harmless', async () => {
    const { deps, stopped } = fakeDeps();
    const lan = new LanController(deps);
    await lan.host({ displayName: 'Ada' });
    await expect(lan.stop()).resolves.toEqual({ state: 'stopped' });
    await expect(lan.stop()).resolves.toEqual({ state: 'stopped' });
    expect(stopped).toEqual([4444]);
  });

  it('a stop while starting wins: the host that comes up is stopped at once', async () => {
    const { deps, stopped, hold, release } = fakeDeps();
    const lan = new LanController(deps);
    hold();
    const starting = lan.host({ displayName: 'Ada' });
    const stopping = lan.stop();
    release();
    await expect(starting).resolves.toEqual({ state: 'stopped' });
    await stopping;
    expect(lan.status()).toEqual({ state: 'stopped' });
    expect(stopped).toEqual([4444]);
  });

  it('leaves its own advert out of discovery', async () => {
    const { deps, discovered } = fakeDeps();
    const lan = new LanController(deps);
    await lan.discover(1000);
    await lan.host({ displayName: 'Ada' });
    await lan.discover(2000);
    expect(discovered).toEqual([{ timeoutMs: 1000 }, { timeoutMs: 2000, exclude: 'Ada [beef]' }]);
  });
});
