import type * as Y from 'yjs';
import type { OpContext, Signer } from '../core/context';
import { evidenceOf } from '../schema/incident-doc';
import type { EvidenceRecord } from '../schema/records/evidence';
import type { EntryEdit, Retraction } from '../schema/types';
import { canonicalJson, hashOf } from './canonical';
import { entryStatement, historyStatement, retractStatement, versionHash } from './statements';

/** What a device signs: the record without its signature. */
export type SignedPart = Omit<EvidenceRecord, 'sig'>;

export const signedPart = (r: EvidenceRecord): SignedPart => {
  const { sig: _sig, ...body } = r;
  return body;
};

/** The hash a device's next record names as `prev`. */
export const recordHash = (r: EvidenceRecord | SignedPart): string => hashOf('sig' in r ? signedPart(r) : r);

interface Head {
  seq: number;
  hash: string;
}

/*
 * Each device's latest record, kept per evidence array so that signing an
 * entry costs the same at 10 entries as at 10,000: built by one scan, then
 * moved forward by the array's own events (a peer's records, or this device's
 * from another tab).
 */
const heads = new WeakMap<Y.Array<unknown>, Map<string, Head>>();

const advance = (map: Map<string, Head>, v: unknown) => {
  if (!v || typeof v !== 'object') return;
  const r = v as EvidenceRecord;
  if (typeof r.device !== 'string' || typeof r.seq !== 'number' || typeof r.sig !== 'string') return;
  const head = map.get(r.device);
  if (!head || r.seq > head.seq) map.set(r.device, { seq: r.seq, hash: recordHash(r) });
};

const headsOf = (arr: Y.Array<unknown>): Map<string, Head> => {
  const cached = heads.get(arr);
  if (cached) return cached;
  const map = new Map<string, Head>();
  for (const v of arr.toArray()) advance(map, v);
  arr.observe((event) => {
    for (const item of event.changes.added) for (const v of item.content.getContent()) advance(map, v);
  });
  heads.set(arr, map);
  return map;
};

/** Append one signed record. Must run inside the transaction that makes the change it states. */
export const appendEvidence = (
  doc: Y.Doc,
  signer: Signer,
  deviceId: string,
  stated: { kind: EvidenceRecord['kind']; entryId: string; statement: unknown; result: { text: string; occurredAt: number } | null; at: number },
): void => {
  const arr = evidenceOf(doc);
  const map = headsOf(arr);
  const head = map.get(signer.publicKey);
  const body: SignedPart = {
    device: signer.publicKey,
    deviceId,
    seq: (head?.seq ?? 0) + 1,
    kind: stated.kind,
    entryId: stated.entryId,
    hash: hashOf(stated.statement),
    result: stated.result ? versionHash(stated.result) : null,
    prev: head?.hash ?? null,
    at: stated.at,
  };
  const record: EvidenceRecord = { ...body, sig: signer.sign(canonicalJson(body)) };
  arr.insert(arr.length, [record]);
  // The array's event comes after the transaction; a second change in it must chain onto this one.
  map.set(signer.publicKey, { seq: body.seq, hash: recordHash(body) });
};

/*
 * The three changes a timeline entry can undergo, signed by the device making
 * them when its context carries a signer. Each is called inside the change's
 * own transaction, so the entry and its statement land (and sync) together.
 */

export const signNewEntry = (doc: Y.Doc, ctx: OpContext, e: Parameters<typeof entryStatement>[0]): void => {
  if (ctx.signer) appendEvidence(doc, ctx.signer, ctx.actor.deviceId, { kind: 'entry', entryId: e.id, statement: entryStatement(e), result: e, at: e.recordedAt });
};

/** `history` is the item the edit added to the entry's history; `next` the version it wrote. */
export const signEdit = (doc: Y.Doc, ctx: OpContext, entryId: string, history: EntryEdit, next: { text: string; occurredAt: number }): void => {
  if (ctx.signer) appendEvidence(doc, ctx.signer, ctx.actor.deviceId, { kind: 'edit', entryId, statement: historyStatement(entryId, history), result: next, at: history.editedAt });
};

export const signRetraction = (doc: Y.Doc, ctx: OpContext, entryId: string, r: Retraction): void => {
  if (ctx.signer) appendEvidence(doc, ctx.signer, ctx.actor.deviceId, { kind: 'retract', entryId, statement: retractStatement(entryId, r), result: null, at: r.at });
};
