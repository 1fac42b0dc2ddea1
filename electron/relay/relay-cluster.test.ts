import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { createShareSecret, deriveShareKeys, type ShareKeys } from '../../shared/sync/share-keys';
import { startPostgres, type PostgresServer } from './testing/postgres-process';
import { startRedis, type RedisServer } from './testing/redis-process';
import { providerClient, until, type TestClient } from './testing/relay-clients';
import { buildTestRelay } from './testing/build-relay';
import { startRelayNode, type RelayNode, type RelayNodeOptions } from './testing/relay-process';

/*
 * Relay nodes as separate processes with a real Redis and a real PostgreSQL,
 * all started here on loopback with temporary data and stopped by PID at the
 * end. Clients are Hocuspocus providers in Node: a browser adds nothing here
 * (the app over two nodes is test/e2e/relay-cluster.spec.ts).
 */
let bundle: Awaited<ReturnType<typeof buildTestRelay>>;
let redis: RedisServer;
let postgres: PostgresServer;
beforeAll(async () => {
  [bundle, redis, postgres] = await Promise.all([buildTestRelay(), startRedis(), startPostgres()]);
});
afterAll(async () => {
  await Promise.allSettled([redis?.destroy(), postgres?.destroy()]);
  bundle?.remove();
});

const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const node = async (o: Omit<RelayNodeOptions, 'bundle'>): Promise<RelayNode> => {
  const n = await startRelayNode({ bundle: bundle.bundle, ...o });
  cleanups.push(() => n.proc.stop('SIGKILL'));
  return n;
};
const client = (url: string, keys: ShareKeys): TestClient => {
  const c = providerClient(url, keys);
  cleanups.push(() => c.destroy());
  return c;
};

/** The whole document as JSON plus its state vector: equal on two copies only if they hold the same updates. */
const snapshot = (doc: Y.Doc) => ({
  log: doc.getArray<string>('log').toJSON(),
  notes: doc.getMap('notes').toJSON(),
  stateVector: Object.fromEntries([...Y.decodeStateVector(Y.encodeStateVector(doc))].sort(([a], [b]) => a - b)),
});

describe('relay cluster (Redis and PostgreSQL)', () => {
  it('two nodes, one document: edits made through either node reach the other, and the copies are identical', async () => {
    const [one, two] = await Promise.all([
      node({ node: 'one', redisUrl: redis.url, databaseUrl: postgres.url }),
      node({ node: 'two', redisUrl: redis.url, databaseUrl: postgres.url }),
    ]);
    const keys = deriveShareKeys(createShareSecret());
    const a = client(one.url, keys);
    const b = client(two.url, keys);
    await until(() => a.provider.isSynced && b.provider.isSynced, 'both synced');
    for (let i = 0; i < 20; i += 1) {
      a.log.push([`a ${i}`]);
      b.log.push([`b ${i}`]);
    }
    a.doc.getMap('notes').set('from', 'a');
    await until(() => a.log.length === 40 && b.log.length === 40 && b.doc.getMap('notes').get('from') === 'a', 'both to have all 40 entries');
    await until(() => JSON.stringify(snapshot(a.doc)) === JSON.stringify(snapshot(b.doc)), 'identical copies');
    expect(snapshot(b.doc)).toEqual(snapshot(a.doc));
    // Each node holds the document; each client reached only its own node.
    for (const n of [one, two]) {
      const m = await n.metrics();
      expect(m).toMatch(/^warroom_relay_documents\{node="(one|two)"\} 1$/m);
      expect(m).toMatch(/^warroom_relay_connections\{node="(one|two)"\} 1$/m);
    }
  });

  it('restart everything (both nodes, Redis and PostgreSQL): the document comes back from PostgreSQL intact', async () => {
    const ports: number[] = [];
    const up = async () => {
      const nodes = await Promise.all(
        ['one', 'two'].map((name, i) => node({ node: name, port: ports[i], redisUrl: redis.url, databaseUrl: postgres.url })),
      );
      nodes.forEach((n, i) => (ports[i] = n.port));
      return nodes;
    };
    const [one, two] = await up();
    const keys = deriveShareKeys(createShareSecret());
    const a = client(one!.url, keys);
    const b = client(two!.url, keys);
    await until(() => a.provider.isSynced && b.provider.isSynced, 'both synced');
    for (let i = 0; i < 100; i += 1) (i % 2 ? a : b).log.push([`entry ${i}`]);
    a.log.delete(0, 1);
    await until(() => a.log.length === 99 && b.log.length === 99, 'both to hold all entries');
    await until(() => a.provider.unsyncedChanges === 0 && b.provider.unsyncedChanges === 0, 'the relay to acknowledge every edit');
    const reference = snapshot(a.doc);
    // The clients go first: what comes back must come from the database, not from a client pushing its copy again.
    a.destroy();
    b.destroy();
    const stopped = await Promise.all([one!.proc.stop('SIGTERM'), two!.proc.stop('SIGTERM')]);
    expect(stopped).toEqual([
      { code: 0, signal: null },
      { code: 0, signal: null },
    ]);
    await redis.stop();
    await postgres.stop();

    await postgres.start();
    await redis.start();
    const [, twoAgain] = await up();
    const fresh = client(twoAgain!.url, keys);
    await until(() => fresh.provider.isSynced, 'the newcomer synced');
    expect(snapshot(fresh.doc)).toEqual(reference);
  });

  it('restart with the embedded store on one node: the document comes back from its SQLite file intact', async () => {
    const data = mkdtempSync(path.join(tmpdir(), 'warroom-relay-embedded-'));
    cleanups.push(() => rmSync(data, { recursive: true, force: true }));
    const first = await node({ node: 'solo', dataDir: data });
    const keys = deriveShareKeys(createShareSecret());
    const a = client(first.url, keys);
    const b = client(first.url, keys);
    await until(() => a.provider.isSynced && b.provider.isSynced, 'both synced');
    for (let i = 0; i < 100; i += 1) (i % 2 ? a : b).log.push([`entry ${i}`]);
    b.doc.getMap('notes').set('status', 'mitigated');
    await until(() => a.log.length === 100 && a.provider.unsyncedChanges === 0 && b.provider.unsyncedChanges === 0, 'every edit acknowledged');
    const reference = snapshot(a.doc);
    a.destroy();
    b.destroy();
    expect(await first.proc.stop('SIGTERM')).toEqual({ code: 0, signal: null });

    const again = await node({ node: 'solo', port: first.port, dataDir: data });
    const fresh = client(again.url, keys);
    await until(() => fresh.provider.isSynced, 'the newcomer synced');
    expect(snapshot(fresh.doc)).toEqual(reference);
  });
});
