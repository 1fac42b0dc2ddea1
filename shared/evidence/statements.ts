import type { Actor, EntryEdit, Retraction, TimelineEntry } from '../schema/types';
import { hashOf } from './canonical';

/*
 * What a device states when it signs: plain data, hashed as canonical JSON.
 * Each statement covers something that never changes once written (an entry
 * as created, one item of its history, a retraction), so concurrent edits by
 * two people still verify: the history keeps both, and the current version is
 * the one one of them signed as the result of their change.
 */

const who = (a: Actor) => ({ name: a.name, deviceId: a.deviceId });

/** The entry as it was created: its first version, and the fields that never change. */
export const entryStatement = (e: Pick<TimelineEntry, 'id' | 'kind' | 'author' | 'recordedAt' | 'clock'> & { text: string; occurredAt: number }) => ({
  id: e.id,
  kind: e.kind,
  text: e.text,
  author: who(e.author),
  occurredAt: e.occurredAt,
  recordedAt: e.recordedAt,
  clock: e.clock,
});

export const retractStatement = (entryId: string, r: Retraction) => ({ entryId, at: r.at, by: who(r.by), reason: r.reason });

/** One item of an entry's history: the version a change replaced, who made the change, when, and the retraction it lifted. */
export const historyStatement = (entryId: string, h: EntryEdit) => ({
  entryId,
  replaced: { text: h.text, occurredAt: h.occurredAt },
  editedAt: h.editedAt,
  editedBy: who(h.editedBy),
  ...(h.lifted ? { lifted: retractStatement(entryId, h.lifted) } : {}),
});

/** The hash a statement names as the version its change produced. */
export const versionHash = (v: { text: string; occurredAt: number }): string => hashOf({ text: v.text, occurredAt: v.occurredAt });

/** The version the entry was created with: the one its first history item replaced, else the current one. */
export const firstVersionOf = (e: TimelineEntry): { text: string; occurredAt: number } => {
  const first = e.edits[0];
  return first ? { text: first.text, occurredAt: first.occurredAt } : { text: e.text, occurredAt: e.occurredAt };
};
