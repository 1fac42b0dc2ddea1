import * as Y from 'yjs';
import { z } from 'zod';

/*
 * The field schemas every record type is built from, and the limits a peer,
 * an import and an operation all obey. A record that breaks one is not shown
 * as data: its reader sets it aside (see each record module).
 */

/** Earliest and latest instants we accept (2000-01-01 … 2200-01-01): catches seconds-vs-millis mix-ups and Date overflow. */
export const MIN_TIME = Date.UTC(2000, 0, 1);
export const MAX_TIME = Date.UTC(2200, 0, 1);

export const MAX_TITLE = 200;
/** What a person may type into one entry, update or field. */
export const MAX_TEXT = 20_000;
/**
 * A timeline entry's stored text: a little more than MAX_TEXT, because a
 * logged stakeholder update is "Stakeholder update (status): " plus its text.
 */
export const MAX_ENTRY_TEXT = 21_000;
export const MAX_NAME = 80;
export const MAX_AREA = 80;
export const MAX_ID = 128;
/** Earlier versions kept per entry. */
export const MAX_EDITS = 10_000;
/** Entries, steps, actions or updates per incident. */
export const MAX_ITEMS = 1_000_000;

export const timeSchema = z
  .number({ error: 'must be a time' })
  // The range first: 1e20 is "after the year 2200" to a person, not "not whole milliseconds".
  .min(MIN_TIME, 'is before the year 2000')
  .max(MAX_TIME, 'is after the year 2200')
  .int('must be whole milliseconds');

export const idSchema = z.string({ error: 'must be text' }).min(1, 'is empty').max(MAX_ID, `is longer than ${MAX_ID} characters`);

/** Characters that show nothing: whitespace, zero-width characters, and the bidirectional controls. */
const INVISIBLE = /[\s\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u00AD]/gu;

/** Whether a text shows anything at all: "   " and a title of zero-width spaces do not. */
export const isVisible = (s: string): boolean => s.replace(INVISIBLE, '') !== '';

/** Text that must say something, kept exactly as written (no trimming: this is the record). */
export const nonBlank = (max: number) =>
  z
    .string({ error: 'must be text' })
    .max(max, `is longer than ${max} characters`)
    .refine(isVisible, 'is empty')
    .describe('not blank');

export const textUpTo = (max: number) => z.string({ error: 'must be text' }).max(max, `is longer than ${max} characters`);

export const actorSchema = z.strictObject({ name: nonBlank(MAX_NAME), deviceId: idSchema });

export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  // Date.parse rolls 2024-02-30 over to March 1st, so round-trip instead of checking for NaN.
  .refine((s) => {
    const t = Date.parse(`${s}T00:00:00Z`);
    return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === s;
  }, 'is not a real date')
  .describe('a real calendar date');

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A Y.Map's own keys as a plain object: what a reader validates. Only the keys
 * the layout nests as a Y.Array (`nested`) are turned into plain arrays; a Yjs
 * type anywhere else is not ours and fails validation as it is.
 */
export const rawOf = (m: Y.Map<unknown>, nested: readonly string[] = []): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const [k, v] of m.entries()) out[k] = nested.includes(k) && v instanceof Y.Array ? v.toJSON() : v;
  return out;
};

/**
 * The Yjs client id that wrote a type (or one key of a map): the peer to name
 * when what it wrote cannot be used. Reads Yjs's own bookkeeping (`_item`,
 * `_map`), which its type declarations expose.
 */
export const writerOf = (v: unknown, key?: string): number | undefined => {
  if (!(v instanceof Y.AbstractType)) return undefined;
  const item = key === undefined ? v._item : v._map.get(key);
  return item?.id.client;
};

/** A Y.Map holding `fields` (for writers; run inside a transaction). */
export const mapOf = (fields: Record<string, unknown>): Y.Map<unknown> => {
  const m = new Y.Map<unknown>();
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) m.set(k, v);
  return m;
};

/** A deep copy of plain JSON data, so no object is shared between a snapshot and a document. */
export const copy = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));

/** Append to a Y.Array at its end (insert, not push: see appendEntry). */
export const appendAll = <T>(arr: Y.Array<T>, items: T[]): void => {
  if (items.length > 0) arr.insert(arr.length, items);
};

/** The first issue of a failed parse, as "field: message". */
export const firstIssue = (error: z.ZodError): string => {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  return issue.path.length > 0 ? `${issue.path.join('.')} ${issue.message}` : issue.message;
};
