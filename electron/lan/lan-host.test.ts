import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildContentSecurityPolicy } from '../security/content-security-policy';
import { TestClient } from '../signaling/test-client';
import { startLanHost, type LanHost } from './lan-host';
import type { Advert } from './mdns';

const csp = buildContentSecurityPolicy();
let root: string;
const hosts: LanHost[] = [];
const clients: TestClient[] = [];

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'warroom-lan-'));
  await mkdir(path.join(root, 'assets'));
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Warroom web</title>');
  await writeFile(path.join(root, 'assets', 'app.js'), 'export {}');
});

afterEach(async () => {
  for (const c of clients.splice(0)) c.ws.terminate();
  for (const h of hosts.splice(0)) await h.stop();
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** An advertiser that records what it was asked, so the order of stop() can be checked. */
function fakeAdvertiser(log: string[], fail = false) {
  return async ({ displayName, port }: { displayName: string; port: number }): Promise<Advert> => {
    if (fail) throw new Error('multicast not allowed');
    log.push(`publish ${displayName} on ${port}`);
    return { name: `${displayName} [test]`, stop: async () => void log.push('unpublish') };
  };
}

async function start(options: { log?: string[]; failAdvert?: boolean; port?: number } = {}) {
  const host = await startLanHost({
    host: '127.0.0.1',
    port: options.port ?? 0,
    rendererRoot: root,
    csp,
    displayName: 'Ada',
    advertise: fakeAdvertiser(options.log ?? [], options.failAdvert),
  });
  hosts.push(host);
  return host;
}

/** True when nothing listens on the port any more: we can bind it ourselves. */
const portIsFree = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });

describe('startLanHost', () => {
  it('serves the web build and signaling on one port, and advertises that port', async () => {
    const log: string[] = [];
    const host = await start({ log });
    expect(host.pageUrls).toEqual([`http://127.0.0.1:${host.port}/`]);
    expect(host.signalingUrls).toEqual([`ws://127.0.0.1:${host.port}`]);
    expect(host.advertised).toBe(true);
    expect(host.name).toBe('Ada [test]');
    expect(log).toEqual([`publish Ada on ${host.port}`]);

    const page = await fetch(host.pageUrls[0]!);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Warroom web</title>');
    expect(page.headers.get('content-security-policy')).toBe(csp);

    // Two peers meet on the host's signaling server, as y-webrtc does.
    const a = await TestClient.connect(host.signalingUrls[0]!);
    const b = await TestClient.connect(host.signalingUrls[0]!);
    clients.push(a, b);
    a.send({ type: 'subscribe', topics: ['warroom-room'] });
    b.send({ type: 'subscribe', topics: ['warroom-room'] });
    await Promise.all([a.sync(), b.sync()]);
    a.send({ type: 'publish', topic: 'warroom-room', data: 'offer' });
    expect(await b.take((m) => m.type === 'publish')).toMatchObject({ topic: 'warroom-room', data: 'offer' });
  });

  it('stops cleanly: advert withdrawn first, peers disconnected, the port freed', async () => {
    const log: string[] = [];
    const host = await start({ log });
    const peer = await TestClient.connect(host.signalingUrls[0]!);
    clients.push(peer);
    // A browser keeps its HTTP connection alive; stop() must not wait for it to go.
    const keepAlive = await fetch(host.pageUrls[0]!, { headers: { connection: 'keep-alive' } });
    await keepAlive.text();

    expect(await portIsFree(host.port)).toBe(false);
    await host.stop();
    expect(log).toEqual([`publish Ada on ${host.port}`, 'unpublish']);
    expect((await peer.waitClosed()).code).toBe(1001);
    expect(await portIsFree(host.port)).toBe(true);
    await expect(fetch(host.pageUrls[0]!)).rejects.toThrow();
    await host.stop();
    expect(log.filter((l) => l === 'unpublish')).toHaveLength(1);
  });

  it('hosts without an advert when mDNS fails, and says so', async () => {
    const host = await start({ failAdvert: true });
    expect(host.advertised).toBe(false);
    expect(host.name).toBe('Ada');
    expect((await fetch(host.pageUrls[0]!)).status).toBe(200);
  });

  it('fails with EADDRINUSE when the port is taken, leaving nothing behind', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as AddressInfo).port;
    const log: string[] = [];
    await expect(start({ port, log })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    expect(log).toEqual([]);
    await new Promise<void>((resolve) => blocker.close(() => resolve()));
    expect(await portIsFree(port)).toBe(true);
  });
});
