import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { createShareSecret, deriveShareKeys, relayDocName } from '../../shared/sync/share-keys';
import { openSqliteStore } from './sqlite-store';
import { providerClient, until, type TestClient } from './testing/relay-clients';
import { buildTestRelay } from './testing/build-relay';
import { runRelayCli, startRelayNode } from './testing/relay-process';
import { encodeYlogRecord } from './testing/ylog-files';

/*
 * `npm run relay` as a process of its own (the bundle it runs, built here):
 * importing the old relay's files, and stopping on SIGTERM while clients keep
 * reconnecting (the old relay once took 60 s, once 5.5 minutes).
 */
let relay: Awaited<ReturnType<typeof buildTestRelay>>;
beforeAll(async () => {
  relay = await buildTestRelay();
});
afterAll(() => relay?.remove());

const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
const tempDir = () => {
  const d = mkdtempSync(path.join(tmpdir(), 'warroom-relay-cli-'));
  cleanups.push(() => rmSync(d, { recursive: true, force: true }));
  return d;
};
const client = (url: string, keys: ReturnType<typeof deriveShareKeys>, retryMs?: number): TestClient => {
  const c = providerClient(url, keys, { retryMs });
  cleanups.push(() => c.destroy());
  return c;
};

describe('relay command line', () => {
  it('--import reads the old relay’s .ylog files into the embedded store, and the relay then serves them', async () => {
    const keys = deriveShareKeys(createShareSecret());
    const name = relayDocName(keys);
    const old = tempDir();
    const doc = new Y.Doc();
    const records: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => records.push(encodeYlogRecord(u)));
    for (const t of ['kept by the old relay', 'and this']) doc.getArray<string>('log').push([t]);
    writeFileSync(path.join(old, `${name}.ylog`), Buffer.concat(records));
    const data = tempDir();

    const run = await runRelayCli(relay.bundle, ['--import', old], { DATA_DIR: data });
    expect(run.output).toContain(`Imported 1 document(s) from ${old} into ${path.join(data, 'relay.sqlite')}.`);
    expect(run.code).toBe(0);

    const node = await startRelayNode({ bundle: relay.bundle, node: 'imported', dataDir: data });
    cleanups.push(() => node.proc.stop());
    const c = client(node.url, keys);
    await until(() => c.provider.isSynced && c.log.length === 2, 'the imported document');
    expect(c.log.toArray()).toEqual(['kept by the old relay', 'and this']);
  });

  it('refuses an import directory it cannot read, saying which', async () => {
    const run = await runRelayCli(relay.bundle, ['--import', '/nonexistent/old-relay'], { DATA_DIR: tempDir() });
    expect(run.code).toBe(1);
    expect(run.output).toContain('Warroom relay failed to start: cannot read /nonexistent/old-relay');
  });

  it('on SIGTERM stops taking connections at once, stores what it holds and exits, while clients keep reconnecting', async () => {
    const data = tempDir();
    const node = await startRelayNode({ bundle: relay.bundle, node: 'sigterm', dataDir: data });
    cleanups.push(() => node.proc.stop('SIGKILL'));
    const keys = deriveShareKeys(createShareSecret());
    const clients = Array.from({ length: 8 }, () => client(node.url, keys, 20));
    await until(() => clients.every((c) => c.provider.isSynced), 'all synced');
    clients[0]!.log.push(['just before SIGTERM']);
    await until(() => clients.every((c) => c.log.length === 1), 'the edit relayed');
    let stop = false;
    let opened = 0;
    let openedAfterStop: number | null = null;
    const hammer = (async () => {
      while (!stop) {
        await new Promise<void>((resolve) => {
          const ws = new WebSocket(node.url);
          ws.on('open', () => {
            opened += 1;
            ws.close();
          });
          ws.on('close', () => resolve());
          ws.on('error', () => resolve());
        });
      }
    })();
    await until(() => opened > 5, 'reconnects under way');

    node.proc.child.kill('SIGTERM');
    await until(() => node.proc.output().includes('SIGTERM received'), 'the relay to take the signal');
    openedAfterStop = opened;
    const exit = await node.proc.exited;
    stop = true;
    await hammer;
    expect(exit).toEqual({ code: 0, signal: null });
    // Once the relay said it was stopping, not one more connection got in.
    expect(opened).toBe(openedAfterStop);
    expect(node.proc.output()).not.toContain('could not store');
    const store = openSqliteStore(path.join(data, 'relay.sqlite'));
    const { state } = await store.load(relayDocName(keys));
    await store.close();
    const d = new Y.Doc();
    Y.applyUpdate(d, state!);
    expect(d.getArray<string>('log').toArray()).toEqual(['just before SIGTERM']);
  });
});
