import type * as Y from 'yjs';
import { IMPORT_ORIGIN } from '../core/origins';
import { mergeSnapshot, type MergeCounts } from '../schema/records';
import type { IncidentExport } from './json-schema';

export type { MergeCounts } from '../schema/records';

/**
 * Merge a JSON export into the same incident already on this device. JSON has
 * no CRDT history, so this is a union by id that never changes what is here:
 * each record type adds what this device lacks (see RecordType.merge). The Yjs
 * export is the way to merge edits faithfully.
 */
export const mergeExportInto = (doc: Y.Doc, data: IncidentExport): MergeCounts => {
  let counts: MergeCounts | null = null;
  doc.transact(() => {
    counts = mergeSnapshot(doc, data.incident);
  }, IMPORT_ORIGIN);
  return counts!;
};
