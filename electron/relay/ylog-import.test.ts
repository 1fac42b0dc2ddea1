import { afterEach, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { openSqliteStore } from './sqlite-store';
import { encodeYlogRecord as encodeRecord } from './testing/ylog-files';
import { decodeRecords, importYlogDir } from './ylog-import';

const dirs: string[] = [];
const tempDir = async () => {
  const d = await mkdtemp(path.join(tmpdir(), 'warroom-ylog-'));
  dirs.push(d);
  return d;
};
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

/** Updates that build a doc's "log" array entry by entry, as a client would have sent them. */
const updatesFor = (texts: string[]): Uint8Array[] => {
  const doc = new Y.Doc();
  const out: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => out.push(u));
  for (const t of texts) doc.getArray<string>('log').push([t]);
  return out;
};

const logOf = (state: Uint8Array | null): string[] => {
  const d = new Y.Doc();
  if (state) Y.applyUpdate(d, state);
  return d.getArray<string>('log').toArray();
};

describe('importing the old relay’s .ylog files', () => {
  it('reads every document into the store under its name, dropping a torn tail and skipping damaged records', async () => {
    const old = await tempDir();
    const name = 'warroom-relay-0123456789abcdef0123456789abcdef';
    const [u1, u2, u3] = updatesFor(['one', 'two', 'three']);
    const torn = encodeRecord(u3!).subarray(0, 7);
    await writeFile(path.join(old, `${name}.ylog`), Buffer.concat([encodeRecord(u1!), encodeRecord(u2!), torn]));
    // A compacted file (one record with the whole state) next to a damaged record.
    const compacted = Y.encodeStateAsUpdate((() => {
      const d = new Y.Doc();
      d.getArray<string>('log').push(['compacted']);
      return d;
    })());
    await writeFile(path.join(old, 'warroom-relay-ffffffffffffffffffffffffffffffff.ylog'), Buffer.concat([encodeRecord(compacted), encodeRecord(Uint8Array.of(9, 9, 9))]));
    await writeFile(path.join(old, 'bad name!.ylog'), encodeRecord(u1!));
    await writeFile(path.join(old, 'notes.txt'), 'not a document');

    const store = openSqliteStore(path.join(await tempDir(), 'relay.sqlite'));
    const report = await importYlogDir(old, store);
    expect(report.imported).toEqual([name, 'warroom-relay-ffffffffffffffffffffffffffffffff']);
    expect(report.problems).toEqual([
      'bad name!.ylog: not a document name the old relay wrote; skipped',
      `${name}.ylog: dropped a torn last record of 7 bytes`,
      'warroom-relay-ffffffffffffffffffffffffffffffff.ylog: skipped 1 damaged record(s)',
    ]);
    expect(logOf((await store.load(name)).state)).toEqual(['one', 'two']);
    expect(logOf((await store.load('warroom-relay-ffffffffffffffffffffffffffffffff')).state)).toEqual(['compacted']);
    // Again: nothing doubles.
    await importYlogDir(old, store);
    expect(logOf((await store.load(name)).state)).toEqual(['one', 'two']);
    await store.close();
  });

  it('says which directory it cannot read', async () => {
    const store = openSqliteStore(path.join(await tempDir(), 'relay.sqlite'));
    await expect(importYlogDir('/nonexistent/relay-data', store)).rejects.toThrow(/cannot read \/nonexistent\/relay-data/);
    await store.close();
  });

  it('splits records and stops at a torn one', () => {
    const [u1] = updatesFor(['x']);
    const bytes = Buffer.concat([encodeRecord(u1!), Buffer.from([5, 0, 0, 0, 1])]);
    const { records, validLength } = decodeRecords(new Uint8Array(bytes));
    expect(records).toHaveLength(1);
    expect(validLength).toBe(4 + u1!.length);
  });
});
