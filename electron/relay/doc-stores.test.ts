import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import type { DocStore } from './doc-store';
import { openPostgresStore } from './postgres-store';
import { openSqliteStore } from './sqlite-store';
import { startPostgres, type PostgresServer } from './testing/postgres-process';

/*
 * Both stores against the same expectations: the embedded SQLite file, and a
 * real PostgreSQL started here (as the unprivileged user .ci/run creates).
 */
let pgServer: PostgresServer;
const dir = mkdtempSync(path.join(tmpdir(), 'warroom-stores-'));
beforeAll(async () => {
  pgServer = await startPostgres();
});
afterAll(async () => {
  await pgServer?.destroy();
  rmSync(dir, { recursive: true, force: true });
});

const logOf = (state: Uint8Array | null): string[] => {
  const d = new Y.Doc();
  if (state) Y.applyUpdate(d, state);
  return d.getArray<string>('log').toArray();
};

let n = 0;
const kinds: { kind: string; open: () => Promise<DocStore> }[] = [
  { kind: 'sqlite', open: async () => openSqliteStore(path.join(dir, 'relay.sqlite')) },
  { kind: 'postgres', open: () => openPostgresStore(pgServer.url) },
];

describe.each(kinds)('$kind document store', ({ open }) => {
  const name = () => `warroom-relay-${(n++).toString(16).padStart(32, '0')}`;

  it('stores and loads a state, and has nothing for a name never stored', async () => {
    const store = await open();
    const doc = name();
    expect(await store.load(doc)).toBeNull();
    const d = new Y.Doc();
    d.getArray<string>('log').push(['one', 'two']);
    await store.store(doc, Y.encodeStateAsUpdate(d));
    expect(logOf(await store.load(doc))).toEqual(['one', 'two']);
    expect(await store.names()).toContain(doc);
    await store.close();
    const again = await open();
    expect(logOf(await again.load(doc))).toEqual(['one', 'two']);
    await again.close();
  });

  it('merges what two nodes store, so a node whose copy lags never overwrites the other (deletions included)', async () => {
    const [one, two] = [await open(), await open()];
    const doc = name();
    const base = new Y.Doc();
    base.getArray<string>('log').push(['shared', 'to delete']);
    const a = new Y.Doc();
    const b = new Y.Doc();
    Y.applyUpdate(a, Y.encodeStateAsUpdate(base));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(base));
    a.getArray<string>('log').push(['only on node one']);
    b.getArray<string>('log').delete(1, 1);
    b.getArray<string>('log').push(['only on node two']);
    await Promise.all([one.store(doc, Y.encodeStateAsUpdate(a)), two.store(doc, Y.encodeStateAsUpdate(b))]);
    const merged = logOf(await one.load(doc));
    expect(merged.sort()).toEqual(['only on node one', 'only on node two', 'shared']);
    // Storing the older copy again changes nothing.
    await one.store(doc, Y.encodeStateAsUpdate(base));
    expect(logOf(await two.load(doc)).sort()).toEqual(merged.sort());
    await Promise.all([one.close(), two.close()]);
  });

  it('binds the first verifier presented to a name, once, even when two claim it at once', async () => {
    const [one, two] = [await open(), await open()];
    const doc = name();
    const v1 = Uint8Array.from({ length: 32 }, (_, i) => i);
    const v2 = Uint8Array.from({ length: 32 }, (_, i) => 255 - i);
    const [r1, r2] = await Promise.all([one.claim(doc, v1), two.claim(doc, v2)]);
    expect(Buffer.from(r1).equals(Buffer.from(r2))).toBe(true);
    const winner = Buffer.from(r1);
    expect(winner.equals(Buffer.from(v1)) || winner.equals(Buffer.from(v2))).toBe(true);
    expect(Buffer.from(await one.claim(doc, v2)).equals(winner)).toBe(true);
    // Binding a verifier keeps a stored state, and storing keeps the verifier.
    const d = new Y.Doc();
    d.getArray<string>('log').push(['kept']);
    await one.store(doc, Y.encodeStateAsUpdate(d));
    expect(Buffer.from(await two.claim(doc, v1)).equals(winner)).toBe(true);
    expect(logOf(await two.load(doc))).toEqual(['kept']);
    await Promise.all([one.close(), two.close()]);
  });
});

describe('postgres document store', () => {
  it('three nodes starting at once create the table once, without an error', async () => {
    const url = await pgServer.createDatabase('three_at_once');
    const stores = await Promise.all([0, 1, 2].map(() => openPostgresStore(url)));
    expect(stores.map((s) => s.where)).toEqual(Array(3).fill(`postgresql://127.0.0.1:${pgServer.port}/three_at_once`));
    expect(await stores[0]!.names()).toEqual([]);
    await Promise.all(stores.map((s) => s.close()));
  });
});
