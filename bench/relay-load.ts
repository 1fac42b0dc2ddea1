import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { createShareSecret, deriveShareKeys, type ShareKeys } from '../shared/sync/share-keys';
import { startPostgres } from '../electron/relay/testing/postgres-process';
import { startRedis } from '../electron/relay/testing/redis-process';
import { providerClient, until, type TestClient } from '../electron/relay/testing/relay-clients';
import { startRelayNode, type RelayNode } from '../electron/relay/testing/relay-process';
import { percentile, round } from './stats';

/**
 * `npm run bench:relay`: load on a two-node relay cluster (Redis between the
 * nodes, PostgreSQL behind them, all started here on loopback and stopped at
 * the end). CLIENTS simulated clients (Hocuspocus providers in this process,
 * one WebSocket each) over DOCS documents, spread so every document has
 * clients on both nodes; each client sends one update per second for SECONDS
 * seconds. Every update must reach every other client of its document.
 * Prints delivery time (sender's push to receiver's apply, one clock) and
 * each node's memory. A benchmark: it reports, it never fails on time.
 *
 * Environment: CLIENTS (200), DOCS (20), SECONDS (60), NODES (2).
 */
const num = (name: string, fallback: number): number => {
  const v = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(v) || v < 1) throw new Error(`${name} must be a whole number above 0`);
  return v;
};
const CLIENTS = num('CLIENTS', 200);
const DOCS = num('DOCS', 20);
const SECONDS = num('SECONDS', 60);
const NODES = num('NODES', 2);
const DRAIN_MS = 60_000;
/** Built by relay-bench.mjs, which runs this file. */
const RELAY_BUNDLE = process.env.RELAY_BUNDLE;

const now = () => performance.timeOrigin + performance.now();

interface Ping {
  from: number;
  seq: number;
  at: number;
}

const metric = (text: string, name: string): number | null => {
  const m = new RegExp(`^${name}(?:\\{[^}]*\\})? ([0-9.e+-]+)$`, 'm').exec(text);
  return m ? Number(m[1]) : null;
};

const main = async () => {
  console.log(`relay load: ${CLIENTS} clients, ${DOCS} documents, ${NODES} nodes, 1 update per client per second for ${SECONDS} s`);
  if (!RELAY_BUNDLE) throw new Error('RELAY_BUNDLE is not set: run this through `npm run bench:relay`');
  const [redis, postgres] = await Promise.all([startRedis(), startPostgres()]);
  const nodes: RelayNode[] = [];
  const clients: TestClient[] = [];
  try {
    for (let i = 0; i < NODES; i += 1) {
      nodes.push(await startRelayNode({ bundle: RELAY_BUNDLE, node: `node-${i + 1}`, redisUrl: redis.url, databaseUrl: postgres.url }));
    }
    const keys: ShareKeys[] = Array.from({ length: DOCS }, () => deriveShareKeys(createShareSecret()));
    const docOf = (c: number) => c % DOCS;
    // Client c is the k-th of its document (k = floor(c / DOCS)); alternating k over nodes puts each document on every node.
    const nodeOf = (c: number) => Math.floor(c / DOCS) % NODES;
    const membersOf = (d: number) => Array.from({ length: CLIENTS }, (_, c) => c).filter((c) => docOf(c) === d);

    const latencies: number[] = [];
    /** Split by path: sender and receiver on one node, or through Redis to the other. */
    const sameNode: number[] = [];
    const otherNode: number[] = [];
    /** received[from][seq] = how many other clients applied that update. */
    const received = Array.from({ length: CLIENTS }, () => new Map<number, number>());
    for (let c = 0; c < CLIENTS; c += 1) {
      const client = providerClient(nodes[nodeOf(c)]!.url, keys[docOf(c)]!, { retryMs: 500 });
      const pings = client.doc.getArray<Ping>('pings');
      pings.observe((e) => {
        if (e.transaction.origin !== client.provider) return;
        const t = now();
        for (const item of e.changes.added) {
          for (const p of item.content.getContent() as Ping[]) {
            latencies.push(t - p.at);
            (nodeOf(p.from) === nodeOf(c) ? sameNode : otherNode).push(t - p.at);
            const seen = received[p.from]!;
            seen.set(p.seq, (seen.get(p.seq) ?? 0) + 1);
          }
        }
      });
      clients.push(client);
    }
    await until(() => clients.every((c) => c.provider.isSynced), 'every client to sync', 120_000);
    console.log(`all ${CLIENTS} clients synced`);

    const peak = nodes.map(() => 0);
    const sampleMemory = async () => {
      await Promise.all(
        nodes.map(async (n, i) => {
          const rss = metric(await n.metrics(), 'process_resident_memory_bytes');
          if (rss !== null) peak[i] = Math.max(peak[i]!, rss);
        }),
      );
    };
    const sampler = setInterval(() => void sampleMemory().catch(() => undefined), 2000);

    // Each client sends at its own phase within the second, so the load is spread, as it would be.
    const started = now();
    let sent = 0;
    await Promise.all(
      clients.map(async (client, c) => {
        const phase = (c * 1000) / CLIENTS;
        for (let seq = 0; seq < SECONDS; seq += 1) {
          const due = started + phase + seq * 1000;
          const wait = due - now();
          if (wait > 0) await new Promise((r) => setTimeout(r, wait));
          client.doc.getArray<Ping>('pings').push([{ from: c, seq, at: now() }]);
          sent += 1;
        }
      }),
    );
    const sendSeconds = (now() - started) / 1000;
    const expectedPerUpdate = (c: number) => membersOf(docOf(c)).length - 1;
    const expected = Array.from({ length: CLIENTS }, (_, c) => expectedPerUpdate(c) * SECONDS).reduce((a, b) => a + b, 0);
    const delivered = () => received.reduce((n, m) => n + [...m.values()].reduce((a, b) => a + b, 0), 0);
    await until(() => delivered() >= expected, 'every update to reach every client', DRAIN_MS).catch(() => undefined);
    clearInterval(sampler);
    await sampleMemory();

    let incomplete = 0;
    for (let c = 0; c < CLIENTS; c += 1) {
      for (let seq = 0; seq < SECONDS; seq += 1) if ((received[c]!.get(seq) ?? 0) !== expectedPerUpdate(c)) incomplete += 1;
    }
    const docsIdentical = Array.from({ length: DOCS }, (_, d) => {
      const states = membersOf(d).map((c) => Buffer.from(Y.encodeStateVector(clients[c]!.doc)).toString('base64'));
      return states.every((s) => s === states[0]);
    }).every(Boolean);
    const nodeStats = await Promise.all(
      nodes.map(async (n, i) => {
        const text = await n.metrics();
        const storeCount = metric(text, 'warroom_relay_store_seconds_count\\{[^}]*operation="store"[^}]*\\}') ?? 0;
        const storeSum = metric(text, 'warroom_relay_store_seconds_sum\\{[^}]*operation="store"[^}]*\\}') ?? 0;
        return {
          node: `node-${i + 1}`,
          connections: metric(text, 'warroom_relay_connections'),
          documents: metric(text, 'warroom_relay_documents'),
          rssMiB: round((metric(text, 'process_resident_memory_bytes') ?? 0) / 2 ** 20, 1),
          peakRssMiB: round(peak[i]! / 2 ** 20, 1),
          heapUsedMiB: round((metric(text, 'nodejs_heap_size_used_bytes') ?? 0) / 2 ** 20, 1),
          stores: storeCount,
          storeMeanMs: storeCount ? round((storeSum / storeCount) * 1000, 2) : null,
        };
      }),
    );
    const result = {
      clients: CLIENTS,
      documents: DOCS,
      nodes: NODES,
      seconds: SECONDS,
      updatesSent: sent,
      sendSeconds: round(sendSeconds, 1),
      deliveriesExpected: expected,
      deliveriesReceived: delivered(),
      updatesNotReachingEveryClient: incomplete,
      documentsIdenticalOnEveryClient: docsIdentical,
      deliveryMs: {
        p50: round(percentile(latencies, 50), 1),
        p95: round(percentile(latencies, 95), 1),
        p99: round(percentile(latencies, 99), 1),
        max: round(latencies.reduce((a, b) => Math.max(a, b), 0), 1),
        sameNode: { n: sameNode.length, p50: round(percentile(sameNode, 50), 1), p95: round(percentile(sameNode, 95), 1) },
        throughRedis: { n: otherNode.length, p50: round(percentile(otherNode, 50), 1), p95: round(percentile(otherNode, 95), 1) },
      },
      nodeMemory: nodeStats,
      benchProcessRssMiB: round(process.memoryUsage().rss / 2 ** 20, 1),
    };
    console.log(JSON.stringify(result, null, 2));
    console.log(
      `delivery p50 ${result.deliveryMs.p50} ms, p95 ${result.deliveryMs.p95} ms; ${result.deliveriesReceived}/${expected} deliveries; ` +
        nodeStats.map((s) => `${s.node} RSS ${s.rssMiB} MiB (peak ${s.peakRssMiB})`).join(', '),
    );
  } finally {
    for (const c of clients) c.destroy();
    await Promise.allSettled(nodes.map((n) => n.proc.stop('SIGTERM')));
    await Promise.allSettled([redis.destroy(), postgres.destroy()]);
  }
};

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
