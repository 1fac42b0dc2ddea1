import * as Y from 'yjs';
import { z } from 'zod';
import { ENTRY_KINDS, type EntryEdit, type Retraction, type TimelineEntry } from '../types';
import { timelineOf } from '../incident-doc';
import { compareEntries } from './timeline-order';
import { writerOf, MAX_EDITS, MAX_ENTRY_TEXT, MAX_ITEMS, MAX_TEXT, actorSchema, appendAll, copy, firstIssue, idSchema, isObject, mapOf, nonBlank, rawOf, textUpTo, timeSchema } from './fields';
import type { ReadResult, RecordType, SetAside } from './record-type';

/** Keys of the per-entry Y.Map. `edits` is a Y.Array created with the entry. */
export const ENTRY_KEYS = {
  id: 'id',
  kind: 'kind',
  text: 'text',
  author: 'author',
  occurredAt: 'occurredAt',
  recordedAt: 'recordedAt',
  clock: 'clock',
  pinned: 'pinned',
  retracted: 'retracted',
  edits: 'edits',
} as const;

export const retractionSchema: z.ZodType<Retraction> = z.strictObject({
  at: timeSchema,
  by: actorSchema,
  reason: textUpTo(MAX_TEXT),
});

/**
 * One earlier version of an entry. `lifted` is present when this change lifted
 * a retraction (an undone retraction, or a redone entry): the retraction it
 * lifted is kept here, so the record still shows it.
 */
export const editSchema: z.ZodType<EntryEdit> = z.strictObject({
  text: textUpTo(MAX_ENTRY_TEXT),
  occurredAt: timeSchema,
  editedAt: timeSchema,
  editedBy: actorSchema,
  lifted: retractionSchema.optional(),
});

export const entrySchema: z.ZodType<TimelineEntry> = z.strictObject({
  id: idSchema,
  kind: z.enum(ENTRY_KINDS, { error: 'is not a known entry kind' }),
  text: nonBlank(MAX_ENTRY_TEXT),
  author: actorSchema,
  occurredAt: timeSchema,
  recordedAt: timeSchema,
  clock: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  pinned: z.boolean(),
  retracted: retractionSchema.nullable(),
  edits: z.array(editSchema).max(MAX_EDITS),
});

const timelineSchema = z.array(entrySchema).max(MAX_ITEMS);

/** What a stored entry map holds, before validation. Missing optional keys of older documents get their defaults. */
const rawEntry = (m: Y.Map<unknown>): Record<string, unknown> => {
  const raw = rawOf(m, [ENTRY_KEYS.edits]);
  return { ...raw, pinned: raw.pinned ?? false, retracted: raw.retracted ?? null, edits: Array.isArray(raw.edits) ? raw.edits : [] };
};

/**
 * One entry map as data, or the reason it cannot be read. A malformed earlier
 * version is left out of `edits` rather than hiding the whole entry.
 */
export const parseEntry = (m: unknown): { entry: TimelineEntry } | { reason: string; id: string | null } => {
  if (!(m instanceof Y.Map)) return { reason: 'is not a map of an entry', id: null };
  const raw = rawEntry(m);
  const edits = (raw.edits as unknown[]).filter((e) => editSchema.safeParse(e).success);
  const parsed = entrySchema.safeParse({ ...raw, edits });
  if (parsed.success) return { entry: parsed.data };
  return { reason: firstIssue(parsed.error), id: typeof raw.id === 'string' ? raw.id : null };
};

export const readEntry = (m: unknown): TimelineEntry | null => {
  const r = parseEntry(m);
  return 'entry' in r ? r.entry : null;
};

/** An entry as a Y.Map of the documented layout (inside a transaction). */
export const entryMap = (e: TimelineEntry): Y.Map<unknown> => {
  const m = mapOf({
    [ENTRY_KEYS.id]: e.id,
    [ENTRY_KEYS.kind]: e.kind,
    [ENTRY_KEYS.text]: e.text,
    [ENTRY_KEYS.author]: copy(e.author),
    [ENTRY_KEYS.occurredAt]: e.occurredAt,
    [ENTRY_KEYS.recordedAt]: e.recordedAt,
    [ENTRY_KEYS.clock]: e.clock,
    [ENTRY_KEYS.pinned]: e.pinned,
    [ENTRY_KEYS.retracted]: copy(e.retracted),
  });
  const edits = new Y.Array<unknown>();
  m.set(ENTRY_KEYS.edits, edits);
  appendAll(edits, e.edits.map(copy));
  return m;
};

/** Who inserted the plain (non-Yjs) value at `index` of an array. */
export const itemWriter = <T>(arr: Y.Array<T>, index: number): number | undefined => {
  let i = 0;
  for (let item = arr._start; item !== null; item = item.right) {
    if (item.deleted || !item.countable) continue;
    if (index < i + item.length) return item.id.client;
    i += item.length;
  }
  return undefined;
};

const idOf = (v: unknown): unknown => (v instanceof Y.Map ? v.get('id') : isObject(v) ? v.id : undefined);

/** Ids present in an array of maps or plain objects. */
export const idsIn = <T>(arr: Y.Array<T>): Set<unknown> => new Set(arr.toArray().map(idOf));

export const timelineRecord: RecordType<'timeline', TimelineEntry[]> = {
  name: 'timeline',
  topLevel: 'timeline',
  title: 'Timeline entries',
  layout:
    'A `Y.Array` of `Y.Map`, one per entry, appended with `insert(length, …)`. `edits` is a nested `Y.Array` of plain objects created with the entry; every other value is plain JSON. An entry is never deleted: a retraction sets `retracted` and keeps the text. Readers sort by `occurredAt`, then `clock`, then `id` (code-unit order), the same on every peer.',
  item: entrySchema,
  schema: timelineSchema,
  read(doc): ReadResult<TimelineEntry[]> {
    const value: TimelineEntry[] = [];
    const setAside: SetAside[] = [];
    const timeline = timelineOf(doc);
    timeline.toArray().forEach((m, index) => {
      const r = parseEntry(m);
      if ('entry' in r) value.push(r.entry);
      else setAside.push({ record: 'timeline', id: r.id, reason: r.reason, client: writerOf(m) ?? itemWriter(timeline, index) });
    });
    return { value: value.sort(compareEntries), setAside };
  },
  write(doc, entries) {
    appendAll(timelineOf(doc), entries.map(entryMap));
  },
  merge(doc, entries) {
    const have = idsIn(timelineOf(doc));
    const missing = entries.filter((e) => !have.has(e.id));
    appendAll(timelineOf(doc), missing.map(entryMap));
    return missing.length;
  },
};
