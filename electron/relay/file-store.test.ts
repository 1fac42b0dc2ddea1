import { afterEach, describe, expect, it } from 'vitest';
import { appendFile, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { FileDocStore, decodeRecords, encodeRecord } from './file-store';

const dirs: string[] = [];
const tempDir = async () => {
  const d = await mkdtemp(path.join(tmpdir(), 'warroom-relay-store-'));
  dirs.push(d);
  return d;
};
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

/** An update that adds `text` to a doc's "log" array, and the doc's content after applying updates. */
const updateWith = (text: string, base?: Uint8Array): Uint8Array => {
  const doc = new Y.Doc();
  if (base) Y.applyUpdate(doc, base);
  const before = Y.encodeStateVector(doc);
  doc.getArray<string>('log').insert(doc.getArray('log').length, [text]);
  return Y.encodeStateAsUpdate(doc, before);
};
const contentOf = (update: Uint8Array | null): string[] => {
  const doc = new Y.Doc();
  if (update) Y.applyUpdate(doc, update);
  return doc.getArray<string>('log').toArray();
};

describe('relay file store', () => {
  it('appends updates as records and loads them merged', async () => {
    const store = new FileDocStore(await tempDir());
    const u1 = updateWith('one');
    const u2 = updateWith('two', u1);
    await Promise.all([store.append('doc-a', u1), store.append('doc-a', u2)]);
    const loaded = await store.load('doc-a');
    expect(contentOf(loaded.update)).toEqual(['one', 'two']);
    expect(loaded.records).toBeGreaterThanOrEqual(1);
    expect(await store.load('never-written')).toEqual({ update: null, records: 0, discardedBytes: 0 });
  });

  it('drops a record torn by a crash, cuts it off the file, and reads later appends', async () => {
    const store = new FileDocStore(await tempDir());
    const u1 = updateWith('kept');
    await store.append('doc-b', u1);
    const torn = encodeRecord(updateWith('torn', u1)).subarray(0, 9);
    await appendFile(store.fileFor('doc-b'), torn);
    const loaded = await store.load('doc-b');
    expect(loaded.discardedBytes).toBe(9);
    expect(contentOf(loaded.update)).toEqual(['kept']);
    expect((await stat(store.fileFor('doc-b'))).size).toBe(encodeRecord(u1).length);
    await store.append('doc-b', updateWith('after', u1));
    expect(contentOf((await store.load('doc-b')).update)).toEqual(['kept', 'after']);
  });

  it('compaction leaves one record with the whole state, and appends queued behind it survive', async () => {
    const store = new FileDocStore(await tempDir());
    const doc = new Y.Doc();
    doc.on('update', (u: Uint8Array) => void store.append('doc-c', u));
    for (const t of ['a', 'b', 'c']) doc.getArray<string>('log').insert(doc.getArray('log').length, [t]);
    const compacted = store.compact('doc-c', () => Y.encodeStateAsUpdate(doc));
    doc.getArray<string>('log').insert(3, ['d']);
    await compacted;
    await store.flush();
    const { records } = decodeRecords(new Uint8Array(await readFile(store.fileFor('doc-c'))));
    expect(records.length).toBeLessThanOrEqual(2);
    expect(contentOf((await store.load('doc-c')).update)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('refuses document names that could escape the data directory', () => {
    const store = new FileDocStore('/tmp/x');
    for (const bad of ['../etc/passwd', 'a/b', '', '.', 'x'.repeat(129)]) expect(() => store.fileFor(bad)).toThrow(/invalid document name/);
  });
});
