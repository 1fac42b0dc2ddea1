import type * as Y from 'yjs';
import { evidenceOf } from '../schema/incident-doc';
import { evidenceRecord, readEvidenceItem, type EvidenceRecord } from '../schema/records/evidence';
import type { SetAside } from '../schema/records/record-type';

/*
 * The evidence array read once and then kept up to date from its own events:
 * it holds one statement per timeline change, so a 10,000-entry incident has
 * at least 10,000, and reading them all again on every keystroke (as a plain
 * read would, for the damaged-records notice) would cost a frame each time.
 * Statements are only ever appended (anywhere: a peer's land by client order);
 * a deletion, which only a hostile peer makes, reads everything again.
 * The order of `records` is not the array's: nothing that uses it needs it.
 */
export interface EvidenceProjection {
  records: EvidenceRecord[];
  setAside: SetAside[];
}

const projections = new WeakMap<Y.Array<unknown>, EvidenceProjection>();

const readAll = (doc: Y.Doc, p: EvidenceProjection) => {
  const { value, setAside } = evidenceRecord.read(doc);
  p.records = value;
  p.setAside = setAside;
};

export const evidenceProjectionOf = (doc: Y.Doc): Readonly<EvidenceProjection> => {
  const arr = evidenceOf(doc);
  const cached = projections.get(arr);
  if (cached) return cached;
  const p: EvidenceProjection = { records: [], setAside: [] };
  readAll(doc, p);
  arr.observe((event) => {
    if (event.changes.deleted.size > 0) return readAll(doc, p);
    const records: EvidenceRecord[] = [];
    const setAside: SetAside[] = [];
    for (const item of event.changes.added) {
      for (const v of item.content.getContent()) {
        const r = readEvidenceItem(v, () => item.id.client);
        if ('record' in r) records.push(r.record);
        else setAside.push(r.setAside);
      }
    }
    p.records.push(...records);
    if (setAside.length > 0) p.setAside = p.setAside.concat(setAside);
  });
  projections.set(arr, p);
  return p;
};
