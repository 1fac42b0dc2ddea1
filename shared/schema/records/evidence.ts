import { z } from 'zod';
import { evidenceOf } from '../incident-doc';
import { appendAll, copy, firstIssue, idSchema, isObject, timeSchema } from './fields';
import { itemWriter } from './timeline';
import type { ReadResult, RecordType, SetAside } from './record-type';

/**
 * One signed statement about the timeline, by one device: "I created this
 * entry", "I changed it to this", "I retracted it". Each device's statements
 * form a hash chain (`prev` is the hash of its previous one), so a statement
 * removed, altered or reordered breaks the chain, and an entry changed
 * without one no longer matches what was signed. See shared/evidence/.
 */
export interface EvidenceRecord {
  /** The signing device's Ed25519 public key, base64url (43 characters). */
  device: string;
  /** The device id it signs for (the author's deviceId in entries). */
  deviceId: string;
  /** 1, 2, 3… per device. */
  seq: number;
  kind: 'entry' | 'edit' | 'retract';
  entryId: string;
  /** SHA-256 (hex) of the canonical JSON of what is stated (see shared/evidence/statements.ts). */
  hash: string;
  /** For an entry or an edit, SHA-256 (hex) of the version `{ text, occurredAt }` it produced; null for a retraction. */
  result: string | null;
  /** SHA-256 (hex) of this device's previous record's signed part; null for its first. */
  prev: string | null;
  at: number;
  /** Ed25519 signature (base64url, 86 characters) over the canonical JSON of every field above. */
  sig: string;
}

const HEX64 = /^[0-9a-f]{64}$/;

export const evidenceSchema: z.ZodType<EvidenceRecord> = z.strictObject({
  device: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'is not an Ed25519 public key'),
  deviceId: idSchema,
  seq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  kind: z.enum(['entry', 'edit', 'retract']),
  entryId: idSchema,
  hash: z.string().regex(HEX64, 'is not a SHA-256 hash'),
  result: z.string().regex(HEX64, 'is not a SHA-256 hash').nullable(),
  prev: z.string().regex(HEX64, 'is not a SHA-256 hash').nullable(),
  at: timeSchema,
  sig: z.string().regex(/^[A-Za-z0-9_-]{86}$/, 'is not an Ed25519 signature'),
});

/** One stored statement, validated; `writer` names the client that wrote a bad one (looked up only then: it walks the array). */
export const readEvidenceItem = (v: unknown, writer: () => number | undefined): { record: EvidenceRecord } | { setAside: SetAside } => {
  const parsed = evidenceSchema.safeParse(v);
  if (parsed.success) return { record: parsed.data };
  return { setAside: { record: 'evidence', id: isObject(v) && typeof v.entryId === 'string' ? v.entryId : null, reason: firstIssue(parsed.error), client: writer() } };
};

const keyOf = (e: { device: string; seq: number; sig: string }) => `${e.device}:${e.seq}:${e.sig}`;

export const evidenceRecord: RecordType<'evidence', EvidenceRecord[]> = {
  name: 'evidence',
  topLevel: 'evidence',
  title: 'Evidence (signatures)',
  layout:
    'A `Y.Array` of plain objects, appended in the same transaction as the change they sign, never changed or deleted. A device signs the canonical JSON (keys sorted, no spaces) of `{ device, deviceId, seq, kind, entryId, hash, result, prev, at }` with its Ed25519 key; `hash` is SHA-256 of the canonical JSON of the statement (an entry as created; the history item an edit added; a retraction), `result` that of the version `{ text, occurredAt }` an entry or edit produced, and `prev` the SHA-256 of the canonical JSON of its previous record without `sig`. A peer that does not sign writes none: its entries read as unsigned, not as failed.',
  item: evidenceSchema,
  schema: z.array(evidenceSchema).max(10_000_000),
  read(doc): ReadResult<EvidenceRecord[]> {
    const value: EvidenceRecord[] = [];
    const setAside: SetAside[] = [];
    evidenceOf(doc)
      .toArray()
      .forEach((v, index) => {
        const r = readEvidenceItem(v, () => itemWriter(evidenceOf(doc), index));
        if ('record' in r) value.push(r.record);
        else setAside.push(r.setAside);
      });
    return { value, setAside };
  },
  write(doc, records) {
    appendAll(evidenceOf(doc), records.map(copy));
  },
  merge(doc, records) {
    const have = new Set(evidenceOf(doc).toArray().map((v) => (isObject(v) ? keyOf(v as unknown as EvidenceRecord) : '')));
    const missing = records.filter((r) => !have.has(keyOf(r)));
    appendAll(evidenceOf(doc), missing.map(copy));
    return missing.length;
  },
};
