import { afterEach, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { createShareSecret, deriveShareKeys, relayDocName, relayToken, relayVerifier, type ShareKeys } from '../../shared/sync/share-keys';
import type { DocStore } from './doc-store';
import { startRelayServer, type RelayServer, type RelayServerOptions } from './relay-server';
import { openSqliteStore } from './sqlite-store';
import { AUTH, MSG, authMessage, providerClient, rawClient, syncStep1Message, until, type TestClient } from './testing/relay-clients';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const tempDir = async () => {
  const d = await mkdtemp(path.join(tmpdir(), 'warroom-relay-'));
  cleanups.push(() => rm(d, { recursive: true, force: true }));
  return d;
};

const start = async (options: Partial<RelayServerOptions> & { store: DocStore }): Promise<RelayServer> => {
  const relay = await startRelayServer({ host: '127.0.0.1', port: 0, node: 'test', ...options });
  cleanups.push(() => relay.close());
  return relay;
};

const sqlite = async (dir?: string) => openSqliteStore(path.join(dir ?? (await tempDir()), 'relay.sqlite'));

const client = (relay: RelayServer, keys: ShareKeys, options: Parameters<typeof providerClient>[2] = {}): TestClient => {
  const c = providerClient(relay.url, keys, options);
  cleanups.push(() => c.destroy());
  return c;
};

const newKeys = () => deriveShareKeys(createShareSecret());

const logOf = (state: Uint8Array | null): string[] => {
  const d = new Y.Doc();
  if (state) Y.applyUpdate(d, state);
  return d.getArray<string>('log').toArray();
};

describe('relay server (Hocuspocus)', () => {
  it('relays edits between two clients in both directions, and keeps documents apart', async () => {
    const relay = await start({ store: await sqlite() });
    const keys = newKeys();
    const a = client(relay, keys);
    const b = client(relay, keys);
    await until(() => a.provider.isSynced && b.provider.isSynced, 'both synced');
    a.log.insert(0, ['from a']);
    await until(() => b.log.length === 1, 'b to get a’s edit');
    b.log.insert(1, ['from b']);
    await until(() => a.log.length === 2, 'a to get b’s edit');
    expect(a.log.toArray()).toEqual(['from a', 'from b']);
    const other = client(relay, newKeys());
    await until(() => other.provider.isSynced, 'other room synced');
    expect(other.log.length).toBe(0);
  });

  it('keeps documents across a restart, and has them stored before the last client leaves', async () => {
    const dir = await tempDir();
    const keys = newKeys();
    const relay = await start({ store: await sqlite(dir) });
    const a = client(relay, keys);
    await until(() => a.provider.isSynced, 'a synced');
    a.log.insert(0, ['one', 'two']);
    // Stored while a is still connected (within the debounce): a crash of the relay now would not lose it.
    const peek = await sqlite(dir);
    await until(async () => logOf((await peek.load(relayDocName(keys))).state).length === 2, 'the edit to be stored');
    await peek.close();

    await relay.close();
    const again = await start({ store: await sqlite(dir) });
    const b = client(again, keys);
    await until(() => b.provider.isSynced && b.log.length === 2, 'b to load the stored doc');
    expect(b.log.toArray()).toEqual(['one', 'two']);
  });

  it('two nodes storing one document overwrite nothing of each other’s: a node that finds the other’s write merges it in, and its clients get it', async () => {
    const dir = await tempDir();
    const keys = newKeys();
    // No Redis: the nodes do not sync with each other, so only the store can bring their copies together.
    const one = await start({ store: await sqlite(dir), node: 'one' });
    const two = await start({ store: await sqlite(dir), node: 'two' });
    const a = client(one, keys);
    const b = client(two, keys);
    await until(() => a.provider.isSynced && b.provider.isSynced, 'both synced');
    a.log.push(['from a']);
    const peek = await sqlite(dir);
    await until(async () => logOf((await peek.load(relayDocName(keys))).state).length === 1, 'node one to store');
    b.log.push(['from b']);
    await until(() => b.log.length === 2, 'node two to merge node one’s write and pass it to b');
    await until(async () => logOf((await peek.load(relayDocName(keys))).state).length === 2, 'node two to store the union');
    a.log.push(['a again']);
    await until(() => a.log.length === 3, 'node one to merge in turn');
    await until(async () => logOf((await peek.load(relayDocName(keys))).state).length === 3, 'the union of all three');
    expect(logOf((await peek.load(relayDocName(keys))).state).sort()).toEqual(['a again', 'from a', 'from b']);
    expect(await two.metrics.registry.getSingleMetricAsString('warroom_relay_store_conflicts_total')).toMatch(/ [1-9]\d*\n?$/);
    await peek.close();
  });

  it('after a restart, tells a client "synced" only once the stored copy is loaded', async () => {
    const dir = await tempDir();
    const keys = newKeys();
    const name = relayDocName(keys);
    const seed = new Y.Doc();
    seed.getArray<string>('log').insert(0, Array.from({ length: 500 }, (_, i) => `entry ${i}`));
    const stored = await sqlite(dir);
    await stored.store(name, Y.encodeStateAsUpdate(seed), 0);
    await stored.claim(name, relayVerifier(relayToken(keys)));
    // The store's load waits until the test lets it go, so "before loaded" is a state the test can hold.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let loading = false;
    const relay = await start({
      store: {
        ...stored,
        load: async (n) => {
          loading = true;
          await gate;
          return stored.load(n);
        },
      },
    });
    const c = client(relay, keys);
    let entriesWhenSynced = -1;
    c.provider.on('synced', () => {
      entriesWhenSynced = c.log.length;
    });
    await until(() => loading && c.provider.isAuthenticated, 'the relay to be loading the document');
    expect(c.provider.isSynced).toBe(false);
    expect(c.log.length).toBe(0);
    release();
    await until(() => c.provider.isSynced, 'synced');
    expect(entriesWhenSynced).toBe(500);
  });

  it('refuses a client with the wrong secret before sending it any byte of the document', async () => {
    const relay = await start({ store: await sqlite() });
    const keys = newKeys();
    const owner = client(relay, keys);
    await until(() => owner.provider.isSynced, 'owner synced');
    owner.log.insert(0, ['the secret plan']);
    await until(() => owner.provider.unsyncedChanges === 0, 'the relay to have the edit');

    // Knows the document name (say, from a log), not the secret: its token is another room's.
    const intruder = rawClient(relay.url);
    await intruder.opened;
    const name = relayDocName(keys);
    intruder.send(authMessage(name, relayToken(newKeys())));
    intruder.send(syncStep1Message(name));
    await until(() => intruder.frames.some((f) => f.doc === name && f.auth?.kind === AUTH.permissionDenied), 'the refusal');
    // A fence: a document of its own on the same socket; everything for the first was sent before this reply.
    const own = newKeys();
    intruder.send(authMessage(relayDocName(own), relayToken(own)));
    intruder.send(syncStep1Message(relayDocName(own)));
    await until(() => intruder.frames.some((f) => f.doc === relayDocName(own) && f.type === MSG.sync), 'its own document to sync');

    const aboutTheirs = intruder.frames.filter((f) => f.doc === name);
    expect(aboutTheirs.map((f) => [f.type, f.auth?.kind, f.auth?.text])).toEqual([[MSG.auth, AUTH.permissionDenied, 'wrong-secret']]);
    const everything = Buffer.concat(intruder.frames.map((f) => f.bytes)).toString('latin1');
    expect(everything).not.toContain('the secret plan');

    // The same through the app's provider: refused, and nothing arrives.
    const wrong = client(relay, keys, { token: relayToken(newKeys()) });
    await until(() => wrong.refused !== null, 'the provider to be refused');
    expect(wrong.refused).toBe('wrong-secret');
    expect(wrong.log.length).toBe(0);
    const metrics = await relay.metrics.registry.getSingleMetricAsString('warroom_relay_refusals_total');
    expect(metrics).toMatch(/reason="wrong_secret"[^\n]* 2\n?/);
  });

  it('while its store cannot be reached, refuses with relay-unavailable rather than serve an empty document', async () => {
    const real = await sqlite();
    let failing: 'claim' | 'load' | null = 'claim';
    const relay = await start({
      store: {
        ...real,
        claim: (n, v) => (failing === 'claim' ? Promise.reject(new Error('connection refused')) : real.claim(n, v)),
        load: (n) => (failing === 'load' ? Promise.reject(new Error('connection refused')) : real.load(n)),
      },
    });
    const keys = newKeys();
    const raw = rawClient(relay.url);
    await raw.opened;
    const name = relayDocName(keys);
    raw.send(authMessage(name, relayToken(keys)));
    raw.send(syncStep1Message(name));
    await until(() => raw.frames.some((f) => f.auth?.kind === AUTH.permissionDenied), 'the refusal');
    failing = 'load';
    raw.send(authMessage(name, relayToken(keys)));
    raw.send(syncStep1Message(name));
    await until(() => raw.frames.filter((f) => f.auth?.kind === AUTH.permissionDenied).length === 2, 'the second refusal');
    expect(raw.frames.filter((f) => f.auth?.kind === AUTH.permissionDenied).map((f) => f.auth!.text)).toEqual(['relay-unavailable', 'relay-unavailable']);
    expect(raw.frames.some((f) => f.type === MSG.sync)).toBe(false);
    failing = null;
    const c = client(relay, keys);
    await until(() => c.provider.isSynced, 'a client to get in once the store is back');
  });

  it('serves only names the app derives, with well-formed tokens', async () => {
    const relay = await start({ store: await sqlite() });
    const raw = rawClient(relay.url);
    await raw.opened;
    const keys = newKeys();
    raw.send(authMessage('my-own-document', relayToken(keys)));
    raw.send(authMessage(relayDocName(keys), 'password123'));
    await until(() => raw.frames.filter((f) => f.auth?.kind === AUTH.permissionDenied).length === 2, 'two refusals');
    expect(raw.frames.map((f) => f.auth?.text)).toEqual(['unknown-document', 'bad-token']);
  });

  it('closes a connection that sends a message over the size cap', async () => {
    const relay = await start({ store: await sqlite(), limits: { maxMessageBytes: 4096 } });
    const raw = rawClient(relay.url);
    await raw.opened;
    raw.send(new Uint8Array(8192));
    expect((await raw.closed).code).toBe(1009);
    await until(async () => /reason="message_too_big"[^\n]* 1/.test(await relay.metrics.registry.getSingleMetricAsString('warroom_relay_refusals_total')), 'the refusal to be counted');
  });

  it('slows a connection past its message rate without losing any of its messages', async () => {
    const relay = await start({ store: await sqlite(), limits: { messagesPerSecond: 40, messageBurst: 10 } });
    const keys = newKeys();
    const writer = client(relay, keys);
    const reader = client(relay, keys);
    await until(() => writer.provider.isSynced && reader.provider.isSynced, 'both synced');
    for (let i = 0; i < 80; i += 1) writer.log.push([`update ${i}`]);
    await until(() => reader.log.length === 80, 'every update to arrive');
    expect(reader.log.toArray()).toEqual(Array.from({ length: 80 }, (_, i) => `update ${i}`));
    expect(await relay.metrics.registry.getSingleMetricAsString('warroom_relay_throttled_total')).not.toMatch(/ 0\n?$/);
  });

  it('refuses a document past the cap of documents per connection', async () => {
    const relay = await start({ store: await sqlite(), limits: { maxDocumentsPerConnection: 2 } });
    const raw = rawClient(relay.url);
    await raw.opened;
    const docs = [newKeys(), newKeys(), newKeys()];
    for (const k of docs) raw.send(authMessage(relayDocName(k), relayToken(k)));
    await until(() => raw.frames.filter((f) => f.type === MSG.auth).length === 3, 'three answers');
    const answers = docs.map((k) => raw.frames.find((f) => f.doc === relayDocName(k) && f.type === MSG.auth)!.auth);
    expect(answers.map((a) => a!.kind)).toEqual([AUTH.authenticated, AUTH.authenticated, AUTH.permissionDenied]);
    expect(answers[2]!.text).toBe('too-many-documents');
  });

  it('reports connections, documents, messages and store latency on /metrics in Prometheus text format', async () => {
    const relay = await start({ store: await sqlite(), node: 'metrics-node' });
    const keys = newKeys();
    const a = client(relay, keys);
    const b = client(relay, keys);
    await until(() => a.provider.isSynced && b.provider.isSynced, 'synced');
    a.log.push(['x']);
    await until(() => b.log.length === 1, 'relayed');
    const httpUrl = relay.url.replace('ws://', 'http://');
    await until(async () => /warroom_relay_store_seconds_count\{[^}]*operation="store"[^}]*\} [1-9]/.test(await (await fetch(`${httpUrl}/metrics`)).text()), 'a store to be timed');
    const res = await fetch(`${httpUrl}/metrics`);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(text).toMatch(/^# TYPE warroom_relay_connections gauge$/m);
    expect(text).toMatch(/^warroom_relay_connections\{node="metrics-node"\} 2$/m);
    expect(text).toMatch(/^warroom_relay_documents\{node="metrics-node"\} 1$/m);
    expect(text).toMatch(/^warroom_relay_messages_total\{direction="in",node="metrics-node"\} [1-9]\d*$/m);
    expect(text).toMatch(/^warroom_relay_messages_total\{direction="out",node="metrics-node"\} [1-9]\d*$/m);
    expect(text).toMatch(/^warroom_relay_store_seconds_bucket\{le="0\.01",node="metrics-node",operation="load"\} \d+$/m);
    expect(text).toMatch(/^process_resident_memory_bytes\{node="metrics-node"\} \d+$/m);
    // No document names in metrics: they say nothing about which rooms exist.
    expect(text).not.toContain(relayDocName(keys));
  });

  it('shuts down while clients keep reconnecting: stops taking connections, stores, and returns', async () => {
    const dir = await tempDir();
    const keys = newKeys();
    const relay = await startRelayServer({ host: '127.0.0.1', port: 0, store: await sqlite(dir), node: 'closing' });
    const clients = Array.from({ length: 6 }, () => client(relay, keys, { retryMs: 20 }));
    await until(() => clients.every((c) => c.provider.isSynced), 'all synced');
    clients[0]!.log.push(['written just before the shutdown']);
    await until(() => clients[0]!.provider.unsyncedChanges === 0, 'the relay to have it');
    // And a client that reconnects as fast as it can, the whole time.
    let stop = false;
    let attempts = 0;
    const hammer = (async () => {
      while (!stop) {
        attempts += 1;
        await new Promise<void>((resolve) => {
          const ws = new WebSocket(relay.url);
          ws.on('open', () => ws.close());
          ws.on('close', () => resolve());
          ws.on('error', () => resolve());
        });
      }
    })();
    await until(() => attempts > 5, 'reconnects under way');
    await relay.close();
    const after = attempts;
    await until(() => attempts > after + 5, 'more attempts after the shutdown');
    stop = true;
    await hammer;
    // Nothing listens any more.
    const refused = await new Promise<string>((resolve) => {
      const ws = new WebSocket(relay.url);
      ws.on('open', () => resolve('open'));
      ws.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
    });
    expect(refused).toBe('ECONNREFUSED');
    const store = await sqlite(dir);
    expect(logOf((await store.load(relayDocName(keys))).state)).toEqual(['written just before the shutdown']);
    await store.close();
  });
});
