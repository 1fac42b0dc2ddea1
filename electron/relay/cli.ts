import path from 'node:path';
import { parseArgs } from 'node:util';
import { closeOnSignals, exitOnStartFailure, portFromEnv } from '../cli/server-cli';
import type { DocStore } from './doc-store';
import { limitsFromEnv } from './relay-limits';
import { startRelayServer } from './relay-server';
import { openPostgresStore } from './postgres-store';
import { openSqliteStore } from './sqlite-store';
import { importYlogDir } from './ylog-import';

/**
 * `npm run relay`: one relay node.
 *
 * HOST (default 0.0.0.0), PORT (default 1234), DATA_DIR (default ./relay-data,
 * for the embedded store DATA_DIR/relay.sqlite), DATABASE_URL (PostgreSQL
 * instead of the embedded store), REDIS_URL (share documents with the other
 * nodes), RELAY_NODE (its name in metrics), and the limits in relay-limits.ts.
 *
 * `npm run relay -- --import DIR` reads the `.ylog` files of the relay before
 * Hocuspocus into the store (the one DATABASE_URL or DATA_DIR names) and exits.
 */
const openStore = async (log: (msg: string) => void): Promise<DocStore> => {
  const url = process.env.DATABASE_URL;
  if (url) return openPostgresStore(url, log);
  return openSqliteStore(path.join(path.resolve(process.env.DATA_DIR || 'relay-data'), 'relay.sqlite'));
};

const main = async (): Promise<void> => {
  const { values } = parseArgs({ options: { import: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true });
  if (values.help) {
    console.log('Usage: npm run relay [-- --import DIR]   (settings from the environment: see README, "Relay")');
    return;
  }
  const log = (msg: string) => console.log(msg);

  if (values.import !== undefined) {
    const store = await openStore(log);
    try {
      const report = await importYlogDir(path.resolve(values.import), store);
      for (const p of report.problems) console.warn(p);
      console.log(`Imported ${report.imported.length} document(s) from ${path.resolve(values.import)} into ${store.where}.`);
    } finally {
      await store.close();
    }
    return;
  }

  const host = process.env.HOST || '0.0.0.0';
  const port = portFromEnv(process.env.PORT, 1234);
  const limits = limitsFromEnv(process.env);
  const store = await openStore(log);
  const relay = await startRelayServer({
    host,
    port,
    store,
    redisUrl: process.env.REDIS_URL || null,
    node: process.env.RELAY_NODE || undefined,
    limits,
    log,
  });
  console.log(`Warroom relay ${relay.node} listening on ${relay.url}, documents in ${store.where}${process.env.REDIS_URL ? ', shared through Redis' : ''}.`);
  console.log('Put its ws:// address (with this machine\'s LAN name or address) in the share dialog\'s "Relay" field; metrics on /metrics.');

  closeOnSignals(() => relay.close(), 'storing open documents and shutting down');
};

main().catch(exitOnStartFailure('Warroom relay'));
