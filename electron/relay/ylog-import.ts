import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import * as Y from 'yjs';
import { mergeInto, type DocStore } from './doc-store';

/**
 * `npm run relay -- --import DIR`: the documents of the relay before
 * Hocuspocus, one `<name>.ylog` file each (Yjs updates as [u32 LE
 * length][update] records, appended and compacted), read into the store under
 * the same names, which clients still use. A record cut short by a crash is
 * dropped, as the old relay did on load; a record Yjs cannot read is skipped
 * rather than losing the rest. What is stored already is merged with, not
 * overwritten, so importing twice (or into a running relay's store) is harmless.
 *
 * The old relay knew no tokens, so an imported document has no verifier yet:
 * the first client to connect with a token binds it (see relay-auth.ts).
 */
const HEADER = 4;
const NAME = /^[A-Za-z0-9_-]{1,128}$/;

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

/** One update from the records, skipping any Yjs cannot read; null when none could be read. */
export const mergeRecords = (records: Uint8Array[]): { update: Uint8Array | null; skipped: number } => {
  const doc = new Y.Doc();
  let skipped = 0;
  let applied = 0;
  for (const r of records) {
    try {
      Y.applyUpdate(doc, r);
      applied += 1;
    } catch {
      skipped += 1;
    }
  }
  const update = applied > 0 ? Y.encodeStateAsUpdate(doc) : null;
  doc.destroy();
  return { update, skipped };
};

export interface ImportReport {
  imported: string[];
  /** Files that were not read, and why. */
  problems: string[];
}

export const importYlogDir = async (dir: string, store: DocStore): Promise<ImportReport> => {
  let files: string[];
  try {
    files = (await readdir(dir)).filter((f) => f.endsWith('.ylog')).sort();
  } catch (e) {
    throw new Error(`cannot read ${dir}: ${(e as Error).message}`);
  }
  const report: ImportReport = { imported: [], problems: [] };
  for (const file of files) {
    const name = file.slice(0, -'.ylog'.length);
    if (!NAME.test(name)) {
      report.problems.push(`${file}: not a document name the old relay wrote; skipped`);
      continue;
    }
    const bytes = new Uint8Array(await readFile(path.join(dir, file)));
    const { records, validLength } = decodeRecords(bytes);
    const { update, skipped } = mergeRecords(records);
    if (validLength < bytes.length) report.problems.push(`${file}: dropped a torn last record of ${bytes.length - validLength} bytes`);
    if (skipped > 0) report.problems.push(`${file}: skipped ${skipped} damaged record(s)`);
    if (!update) {
      report.problems.push(`${file}: nothing readable; skipped`);
      continue;
    }
    await mergeInto(store, name, update);
    report.imported.push(name);
  }
  return report;
};
