import { afterEach, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { startRelayServer, type RelayServer } from './relay-server';
import { FileDocStore } from './file-store';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const tempDir = async () => {
  const d = await mkdtemp(path.join(tmpdir(), 'warroom-relay-'));
  cleanups.push(() => rm(d, { recursive: true, force: true }));
  return d;
};

const start = async (dataDir: string, port = 0): Promise<RelayServer> => {
  const relay = await startRelayServer({ host: '127.0.0.1', port, dataDir });
  cleanups.push(() => relay.close());
  return relay;
};

const client = (relay: RelayServer, room: string) => {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(relay.url, room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  cleanups.push(() => {
    provider.destroy();
    doc.destroy();
  });
  return { doc, provider, log: doc.getArray<string>('log') };
};

const until = async (check: () => boolean, what: string, ms = 10_000) => {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('relay server (@y/websocket-server with file persistence)', () => {
  it('relays edits between two clients in both directions', async () => {
    const relay = await start(await tempDir());
    const a = client(relay, 'warroom-relay-test1');
    const b = client(relay, 'warroom-relay-test1');
    await until(() => a.provider.synced && b.provider.synced, 'both synced');
    a.log.insert(0, ['from a']);
    await until(() => b.log.length === 1, 'b to get a’s edit');
    b.log.insert(1, ['from b']);
    await until(() => a.log.length === 2, 'a to get b’s edit');
    expect(a.log.toArray()).toEqual(['from a', 'from b']);
    const other = client(relay, 'warroom-relay-other');
    await until(() => other.provider.synced, 'other room synced');
    expect(other.log.length).toBe(0);
  });

  it('keeps documents across a restart, and has them on disk before the last client leaves', async () => {
    const dir = await tempDir();
    const relay = await start(dir);
    const a = client(relay, 'warroom-relay-keep');
    await until(() => a.provider.synced, 'a synced');
    a.log.insert(0, ['one', 'two']);
    const store = new FileDocStore(dir);
    // Appended as it arrives: a crash of the relay now would not lose it.
    await until(() => relay.stats().docs === 1, 'doc open');
    let onDisk: string[] = [];
    const deadline = Date.now() + 10_000;
    while (onDisk.length < 2 && Date.now() < deadline) {
      const loaded = await store.load('warroom-relay-keep');
      const d = new Y.Doc();
      if (loaded.update) Y.applyUpdate(d, loaded.update);
      onDisk = d.getArray<string>('log').toArray();
    }
    expect(onDisk).toEqual(['one', 'two']);

    await relay.close();
    const again = await start(dir);
    const b = client(again, 'warroom-relay-keep');
    await until(() => b.provider.synced && b.log.length === 2, 'b to load the stored doc');
    expect(b.log.toArray()).toEqual(['one', 'two']);
  });

  it('refuses a connection whose path is not a document name', async () => {
    const relay = await start(await tempDir());
    const ws = new WebSocket(`${relay.url}/..%2F..%2Fetc`);
    const outcome = await new Promise<string>((resolve) => {
      ws.on('open', () => resolve('open'));
      ws.on('unexpected-response', (_req, res) => resolve(String(res.statusCode)));
      ws.on('error', () => resolve('error'));
    });
    expect(outcome).not.toBe('open');
  });
});
