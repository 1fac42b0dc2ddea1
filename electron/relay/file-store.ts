import { mkdir, open, readFile, rename, truncate } from 'node:fs/promises';
import path from 'node:path';
import * as Y from 'yjs';

/**
 * The relay's disk: one file per document, `<name>.ylog`, holding Yjs updates
 * as length-prefixed records ([u32 LE length][update]). Updates are appended
 * (and fsynced) in batches; compaction replaces the file with one merged
 * record through write-temp-fsync-rename, so a crash leaves either the old or
 * the new file. A record cut short by a crash mid-append is dropped on load
 * and cut off the file, so later appends stay readable.
 *
 * Every operation on one document runs in that document's queue, in order:
 * a compaction can never overtake an append it does not contain.
 */
export const DOC_NAME = /^[A-Za-z0-9_-]{1,128}$/;
const HEADER = 4;

export interface LoadResult {
  /** Every stored update merged into one; null when nothing is stored. */
  update: Uint8Array | null;
  records: number;
  /** Bytes of a torn final record that were cut off. */
  discardedBytes: number;
}

export const encodeRecord = (update: Uint8Array): Uint8Array => {
  const out = new Uint8Array(HEADER + update.length);
  new DataView(out.buffer).setUint32(0, update.length, true);
  out.set(update, HEADER);
  return out;
};

/** Split a file into its records; stops at a torn tail. */
export const decodeRecords = (bytes: Uint8Array): { records: Uint8Array[]; validLength: number } => {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const records: Uint8Array[] = [];
  let pos = 0;
  while (pos + HEADER <= bytes.length) {
    const len = view.getUint32(pos, true);
    if (pos + HEADER + len > bytes.length) break;
    records.push(bytes.subarray(pos + HEADER, pos + HEADER + len));
    pos += HEADER + len;
  }
  return { records, validLength: pos };
};

/** Merge records; one that Yjs cannot read is skipped rather than losing the rest. */
const mergeRecords = (records: Uint8Array[]): Uint8Array | null => {
  if (records.length === 0) return null;
  try {
    return Y.mergeUpdates(records);
  } catch {
    const doc = new Y.Doc();
    for (const r of records) {
      try {
        Y.applyUpdate(doc, r);
      } catch {
        // A damaged record: keep going.
      }
    }
    return Y.encodeStateAsUpdate(doc);
  }
};

export class FileDocStore {
  private queues = new Map<string, Promise<unknown>>();
  private pending = new Map<string, Uint8Array[]>();

  constructor(readonly dir: string) {}

  fileFor(docName: string): string {
    if (!DOC_NAME.test(docName)) throw new Error(`invalid document name: ${JSON.stringify(docName)}`);
    return path.join(this.dir, `${docName}.ylog`);
  }

  private enqueue<T>(docName: string, task: () => Promise<T>): Promise<T> {
    const prev = this.queues.get(docName) ?? Promise.resolve();
    const next = prev.then(task, task);
    const settled = next.catch(() => undefined);
    this.queues.set(docName, settled);
    void settled.then(() => {
      if (this.queues.get(docName) === settled) this.queues.delete(docName);
    });
    return next;
  }

  load(docName: string): Promise<LoadResult> {
    const file = this.fileFor(docName);
    return this.enqueue(docName, async () => {
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await readFile(file));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { update: null, records: 0, discardedBytes: 0 };
        throw e;
      }
      const { records, validLength } = decodeRecords(bytes);
      if (validLength < bytes.length) await truncate(file, validLength);
      return { update: mergeRecords(records), records: records.length, discardedBytes: bytes.length - validLength };
    });
  }

  /** Queue an update; updates arriving while a write is in progress go out together in the next one. */
  append(docName: string, update: Uint8Array): Promise<void> {
    const file = this.fileFor(docName);
    const batch = this.pending.get(docName);
    if (batch) {
      batch.push(update);
      return this.queues.get(docName)!.then(() => undefined);
    }
    const updates = [update];
    this.pending.set(docName, updates);
    return this.enqueue(docName, async () => {
      this.pending.delete(docName);
      await mkdir(this.dir, { recursive: true });
      const data = Buffer.concat(updates.map(encodeRecord));
      const fh = await open(file, 'a');
      try {
        await fh.write(data);
        await fh.datasync();
      } finally {
        await fh.close();
      }
    });
  }

  /** Replace the file with one record holding `state` (which must contain everything appended so far). */
  compact(docName: string, state: () => Uint8Array): Promise<void> {
    const file = this.fileFor(docName);
    return this.enqueue(docName, async () => {
      await mkdir(this.dir, { recursive: true });
      const tmp = `${file}.tmp`;
      const fh = await open(tmp, 'w');
      try {
        await fh.write(encodeRecord(state()));
        await fh.sync();
      } finally {
        await fh.close();
      }
      await rename(tmp, file);
    });
  }

  /** Resolves when every queued write has finished. */
  async flush(): Promise<void> {
    while (this.queues.size > 0) await Promise.all([...this.queues.values()]);
  }
}
