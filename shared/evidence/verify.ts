import type { EvidenceRecord } from '../schema/records/evidence';
import type { TimelineEntry } from '../schema/types';
import { canonicalJson, hashOf } from './canonical';
import { recordHash, signedPart } from './sign';
import { verifySignature } from './signer';
import { entryStatement, firstVersionOf, historyStatement, retractStatement, versionHash } from './statements';

/*
 * Checking the timeline against its signed statements. An entry is
 * - verified: its creation, every later version and its retraction are each
 *   stated by the device of the person who made them, with a good signature;
 * - unsigned: nothing about it was signed and its author's device does not
 *   sign (a stock y-webrtc peer, an entry from before signing existed);
 * - unverified: something about it differs from what was signed, or a change
 *   to it has no statement although its device signs. The reasons say which.
 * A removed, altered or reordered statement breaks its device's hash chain;
 * a signed entry no longer in the timeline is reported as missing.
 */

export type EntryVerdict =
  | { state: 'verified'; keys: string[] }
  /** Part of its history was written on a device that does not sign; `parts` says which. */
  | { state: 'unsigned'; parts: string[] }
  | { state: 'unverified'; reasons: string[] };

export interface VerificationReport {
  entries: Map<string, EntryVerdict>;
  verified: number;
  unsigned: number;
  unverified: number;
  /** Problems not tied to one entry in the timeline: broken chains, bad signatures, signed entries that are gone. */
  problems: string[];
  /** Each signing key, its device id and how many statements it made. */
  keys: { key: string; fingerprint: string; deviceId: string; statements: number }[];
}

/** A key as people compare it: its first 12 characters, in groups of four. */
export const fingerprintOf = (key: string): string => key.slice(0, 12).replace(/(.{4})(?=.)/g, '$1 ');

/** Signature checks are the costly part (about a millisecond each): remembered per record. */
export type SignatureCache = Map<string, boolean>;

const cacheKey = (r: EvidenceRecord) => `${r.sig}:${recordHash(r)}`;

export const signatureValid = (r: EvidenceRecord, cache?: SignatureCache): boolean => {
  const key = cacheKey(r);
  const known = cache?.get(key);
  if (known !== undefined) return known;
  const ok = verifySignature(r.device, canonicalJson(signedPart(r)), r.sig);
  cache?.set(key, ok);
  return ok;
};

/** Checks signatures not yet in the cache, yielding between batches so a long timeline never blocks a frame for long. */
export const checkSignatures = async (records: readonly EvidenceRecord[], cache: SignatureCache, pause: () => Promise<void>, batch = 25): Promise<void> => {
  let done = 0;
  for (const r of records) {
    if (cache.has(cacheKey(r))) continue;
    signatureValid(r, cache);
    if (++done % batch === 0) await pause();
  }
};

const when = (t: number, describe: (t: number) => string) => describe(t);

export const verifyTimeline = (
  entries: readonly TimelineEntry[],
  evidence: readonly EvidenceRecord[],
  options: { cache?: SignatureCache; describeTime: (t: number) => string },
): VerificationReport => {
  const { cache, describeTime } = options;
  const problems: string[] = [];
  const valid: EvidenceRecord[] = [];
  for (const r of evidence) {
    if (signatureValid(r, cache)) valid.push(r);
    else problems.push(`A statement about entry ${r.entryId}, claiming key ${fingerprintOf(r.device)}, has a signature that does not match it.`);
  }

  // Each key's chain: 1, 2, 3… with each record naming the hash of one before it.
  const byKey = new Map<string, EvidenceRecord[]>();
  for (const r of valid) byKey.set(r.device, [...(byKey.get(r.device) ?? []), r]);
  const keys: VerificationReport['keys'] = [];
  const signingDevices = new Map<string, number>(); // deviceId → earliest statement time
  for (const [key, records] of byKey) {
    const hashesBySeq = new Map<number, Set<string>>();
    for (const r of records) {
      const set = hashesBySeq.get(r.seq) ?? new Set<string>();
      set.add(recordHash(r));
      hashesBySeq.set(r.seq, set);
    }
    const deviceIds = new Set(records.map((r) => r.deviceId));
    const maxSeq = Math.max(...records.map((r) => r.seq));
    const missing: number[] = [];
    for (let s = 1; s <= maxSeq && missing.length < 5; s++) if (!hashesBySeq.has(s)) missing.push(s);
    if (missing.length > 0) problems.push(`Key ${fingerprintOf(key)} signed ${maxSeq} statements, but statement ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing: removed from the record.`);
    const relinked = records.filter((r) => (r.seq === 1 ? r.prev !== null : r.prev === null || (hashesBySeq.has(r.seq - 1) && !hashesBySeq.get(r.seq - 1)!.has(r.prev))));
    if (relinked.length > 0) problems.push(`Key ${fingerprintOf(key)}'s statement ${relinked[0]!.seq} does not follow the one before it: its statements were altered or reordered.`);
    if (deviceIds.size > 1) problems.push(`Key ${fingerprintOf(key)} signs for more than one device (${[...deviceIds].join(', ')}).`);
    for (const id of deviceIds) {
      const first = Math.min(...records.filter((r) => r.deviceId === id).map((r) => r.at));
      signingDevices.set(id, Math.min(signingDevices.get(id) ?? Infinity, first));
    }
    keys.push({ key, fingerprint: fingerprintOf(key), deviceId: [...deviceIds][0]!, statements: records.length });
  }

  const byEntry = new Map<string, EvidenceRecord[]>();
  for (const r of valid) byEntry.set(r.entryId, [...(byEntry.get(r.entryId) ?? []), r]);
  /** Whether a device had begun signing by `t` (on its own clock): then a change it made at `t` must be signed. */
  const signs = (deviceId: string, t: number) => (signingDevices.get(deviceId) ?? Infinity) <= t;

  const verdicts = new Map<string, EntryVerdict>();
  let verified = 0;
  let unsigned = 0;
  let unverified = 0;
  for (const e of entries) {
    const records = byEntry.get(e.id) ?? [];
    const reasons: string[] = [];
    const parts: string[] = [];
    const used: EvidenceRecord[] = [];
    // Each part of the entry's history, checked against a statement by the device of whoever made it.
    const check = (kind: EvidenceRecord['kind'], statement: unknown, by: { name: string; deviceId: string }, at: number, what: string) => {
      const hash = hashOf(statement);
      const found = records.find((r) => r.kind === kind && r.hash === hash && r.deviceId === by.deviceId);
      if (found) used.push(found);
      else if (kind === 'entry' && records.some((r) => r.kind === 'entry')) reasons.push(`Its text, time or author differs from what ${by.name}'s device signed when it was written.`);
      // A device that signed anything about this entry signs its changes to it, whatever time the change claims.
      else if (signs(by.deviceId, at) || records.some((r) => r.deviceId === by.deviceId)) reasons.push(`${what} has no signed statement, although ${by.name}'s device signs its changes.`);
      else parts.push(`${what} was made on a device that does not sign.`);
    };
    const first = firstVersionOf(e);
    check('entry', entryStatement({ ...e, ...first }), e.author, e.recordedAt, `Writing it (${e.author.name}, ${when(e.recordedAt, describeTime)})`);
    for (const h of e.edits) {
      check('edit', historyStatement(e.id, h), h.editedBy, h.editedAt, `The change by ${h.editedBy.name} at ${when(h.editedAt, describeTime)}`);
      if (h.lifted) check('retract', retractStatement(e.id, h.lifted), h.lifted.by, h.lifted.at, `The retraction by ${h.lifted.by.name} at ${when(h.lifted.at, describeTime)}`);
    }
    if (e.retracted) check('retract', retractStatement(e.id, e.retracted), e.retracted.by, e.retracted.at, `The retraction by ${e.retracted.by.name} at ${when(e.retracted.at, describeTime)}`);
    // What it says now must be a version someone signed as the result of their change.
    const results = new Set(used.flatMap((r) => (r.result ? [r.result] : [])));
    if (reasons.length === 0 && parts.length === 0 && !results.has(versionHash(e))) reasons.push('What it says now (its text or time) is not a version anyone signed.');

    if (reasons.length > 0) {
      verdicts.set(e.id, { state: 'unverified', reasons });
      unverified++;
    } else if (parts.length > 0) {
      verdicts.set(e.id, { state: 'unsigned', parts });
      unsigned++;
    } else {
      verdicts.set(e.id, { state: 'verified', keys: [...new Set(used.map((r) => r.device))] });
      verified++;
    }
  }

  const present = new Set(entries.map((e) => e.id));
  const gone = [...new Set(valid.filter((r) => r.kind === 'entry' && !present.has(r.entryId)).map((r) => r.entryId))];
  if (gone.length > 0) problems.push(`${gone.length === 1 ? 'A signed entry is' : `${gone.length} signed entries are`} no longer in the timeline (${gone.slice(0, 5).join(', ')}${gone.length > 5 ? ', …' : ''}): removed from the record.`);

  return { entries: verdicts, verified, unsigned, unverified, problems, keys };
};

/** One sentence for the war room, the exports and the command line. */
export const verificationSummary = (r: VerificationReport): string => {
  const parts = [`${r.verified} ${r.verified === 1 ? 'entry' : 'entries'} signed and verified`];
  if (r.unsigned > 0) parts.push(`${r.unsigned} unsigned`);
  if (r.unverified > 0) parts.push(`${r.unverified} unverified`);
  const text = `${parts.join(', ')}.`;
  return r.problems.length === 0 ? text : `${text} ${r.problems.length === 1 ? 'One problem' : `${r.problems.length} problems`} with the signatures.`;
};
