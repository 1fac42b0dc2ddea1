import { signNewEntry } from '../evidence/sign';
import * as Y from 'yjs';
import { DomainError } from '../core/errors';
import { SCHEMA_VERSION, actionsOf, metaOf, runbookOf, timelineOf, type YEntry } from '../schema/incident-doc';
import { ENTRY_KEYS } from '../schema/records/timeline';
import { META_KEYS, isDeclared } from '../schema/records/meta';
import type { OpContext } from '../core/context';
import type { EntryKind } from '../schema/types';

/** Shared helpers for the operation modules; not part of the public API. */

/**
 * The meta map of a declared incident this version may write to. A document
 * of a newer layout is read as far as it validates, but never written: an
 * older writer would put back a shape the newer one does not expect.
 */
export const requireDeclared = (doc: Y.Doc): Y.Map<unknown> => {
  const meta = metaOf(doc);
  if (!isDeclared(meta)) {
    throw new DomainError('not_declared', 'This incident has not been declared yet (or has not synced from its peers).');
  }
  const version = meta.get(META_KEYS.schemaVersion);
  if (typeof version === 'number' && version > SCHEMA_VERSION) {
    throw new DomainError('unsupported_schema', `This incident was written by a newer Warroom (layout version ${version}; this one writes version ${SCHEMA_VERSION}). It can be read here, but changes need the newer Warroom.`);
  }
  return meta;
};

const findIn = (arr: Y.Array<YEntry>, id: string, what: string): YEntry => {
  for (const m of arr) {
    if (m instanceof Y.Map && m.get('id') === id) return m;
  }
  throw new DomainError('not_found', `${what} ${id} does not exist`);
};

export const findEntry = (doc: Y.Doc, id: string): YEntry => findIn(timelineOf(doc), id, 'Timeline entry');
export const findStep = (doc: Y.Doc, id: string): YEntry => findIn(runbookOf(doc), id, 'Runbook step');
export const findAction = (doc: Y.Doc, id: string): YEntry => findIn(actionsOf(doc), id, 'Action item');

const clockOf = (m: unknown): number => {
  const c = m instanceof Y.Map ? m.get(ENTRY_KEYS.clock) : undefined;
  // A peer may send any number; a non-finite clock would make every later entry unreadable.
  return typeof c === 'number' && Number.isFinite(c) ? c : 0;
};

/**
 * The highest clock per timeline, kept up to date by an observer on inserts so
 * that appending does not rescan the whole timeline (a 10k-entry bulk append was
 * quadratic). Clocks are set once, when an entry is created, so inserts are the
 * only way the maximum grows.
 */
const maxClocks = new WeakMap<Y.Array<YEntry>, { max: number }>();

const maxClockOf = (timeline: Y.Array<YEntry>): { max: number } => {
  let cached = maxClocks.get(timeline);
  if (cached) return cached;
  let max = 0;
  for (const m of timeline) max = Math.max(max, clockOf(m));
  const state = { max };
  timeline.observe((event) => {
    for (const item of event.changes.added) for (const m of item.content.getContent()) state.max = Math.max(state.max, clockOf(m));
  });
  maxClocks.set(timeline, state);
  cached = state;
  return cached;
};

/** One more than the highest clock in the timeline: a Lamport clock over entries. */
export const nextClock = (doc: Y.Doc): number => maxClockOf(timelineOf(doc)).max + 1;

export interface NewEntry {
  kind: EntryKind;
  text: string;
  occurredAt: number;
  pinned?: boolean;
}

/**
 * Append an entry. Must run inside a transaction. Uses insert(length) rather
 * than push: measured on Yjs 13.6, push slows down with document size.
 */
export const appendEntry = (doc: Y.Doc, ctx: OpContext, entry: NewEntry): string => {
  const timeline = timelineOf(doc);
  const id = ctx.newId();
  const m = new Y.Map<unknown>();
  m.set(ENTRY_KEYS.id, id);
  m.set(ENTRY_KEYS.kind, entry.kind);
  m.set(ENTRY_KEYS.text, entry.text);
  m.set(ENTRY_KEYS.author, { ...ctx.actor });
  m.set(ENTRY_KEYS.occurredAt, entry.occurredAt);
  const recordedAt = ctx.now();
  m.set(ENTRY_KEYS.recordedAt, recordedAt);
  const clock = nextClock(doc);
  m.set(ENTRY_KEYS.clock, clock);
  m.set(ENTRY_KEYS.pinned, entry.pinned ?? false);
  m.set(ENTRY_KEYS.retracted, null);
  m.set(ENTRY_KEYS.edits, new Y.Array<unknown>());
  timeline.insert(timeline.length, [m]);
  signNewEntry(doc, ctx, { id, kind: entry.kind, text: entry.text, author: ctx.actor, occurredAt: entry.occurredAt, recordedAt, clock });
  // Observers run after the transaction; later appends in the same one must see this clock.
  maxClockOf(timeline).max = Math.max(maxClockOf(timeline).max, clock);
  return id;
};
