import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { mergeInto, type DocStore } from './doc-store';
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

  it('stores and loads a state with its generation, and has nothing for a name never stored', async () => {
    const store = await open();
    const doc = name();
    expect(await store.load(doc)).toEqual({ state: null, generation: 0 });
    const d = new Y.Doc();
    d.getArray<string>('log').push(['one', 'two']);
    expect(await store.store(doc, Y.encodeStateAsUpdate(d), 0)).toEqual({ ok: true, generation: 1 });
    expect(logOf((await store.load(doc)).state)).toEqual(['one', 'two']);
    expect(await store.names()).toContain(doc);
    await store.close();
    const again = await open();
    expect((await again.load(doc)).generation).toBe(1);
    expect(logOf((await again.load(doc)).state)).toEqual(['one', 'two']);
    await again.close();
  });

  it('writes only over the generation a node last saw: the second of two writers gets what the first stored', async () => {
    const [one, two] = [await open(), await open()];
    const doc = name();
    const a = new Y.Doc();
    a.getArray<string>('log').push(['from one']);
    const b = new Y.Doc();
    b.getArray<string>('log').push(['from two']);
    const results = await Promise.all([one.store(doc, Y.encodeStateAsUpdate(a), 0), two.store(doc, Y.encodeStateAsUpdate(b), 0)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const lost = results.find((r) => !r.ok);
    expect(lost).toMatchObject({ ok: false, current: { generation: 1 } });
    const winner = logOf((await one.load(doc)).state);
    expect(winner.length).toBe(1);
    if (lost && !lost.ok) expect(logOf(lost.current.state)).toEqual(winner);
    await Promise.all([one.close(), two.close()]);
  });

  it('merges an import into what is stored, deletions included, and importing again changes nothing', async () => {
    const store = await open();
    const doc = name();
    const base = new Y.Doc();
    base.getArray<string>('log').push(['shared', 'to delete']);
    const live = new Y.Doc();
    Y.applyUpdate(live, Y.encodeStateAsUpdate(base));
    live.getArray<string>('log').delete(1, 1);
    live.getArray<string>('log').push(['written on the relay']);
    await store.store(doc, Y.encodeStateAsUpdate(live), 0);
    const old = new Y.Doc();
    Y.applyUpdate(old, Y.encodeStateAsUpdate(base));
    old.getArray<string>('log').push(['from the old relay']);
    await mergeInto(store, doc, Y.encodeStateAsUpdate(old));
    const merged = logOf((await store.load(doc)).state).sort();
    expect(merged).toEqual(['from the old relay', 'shared', 'written on the relay']);
    await mergeInto(store, doc, Y.encodeStateAsUpdate(old));
    expect(logOf((await store.load(doc)).state).sort()).toEqual(merged);
    await store.close();
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
    expect(await one.store(doc, Y.encodeStateAsUpdate(d), 0)).toMatchObject({ ok: true });
    expect(Buffer.from(await two.claim(doc, v1)).equals(winner)).toBe(true);
    expect(logOf((await two.load(doc)).state)).toEqual(['kept']);
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
