import type * as Y from 'yjs';
import type { z } from 'zod';
import type { TopLevelName } from '../incident-doc';

/** A stored record a reader could not use, kept out of the view but never out of the document. */
export interface SetAside {
  /** The record type, e.g. "timeline". */
  record: string;
  /** Its id when it has a readable one. */
  id: string | null;
  /** Why, for people: "occurredAt is after the year 2200". */
  reason: string;
  /** The Yjs client (one window of one peer) that wrote it, when known: who to name. */
  client?: number;
}

export interface ReadResult<V> {
  value: V;
  setAside: SetAside[];
}

/**
 * One record type of the incident document, declared once (as tldraw declares
 * its record types): where it lives, its stored keys, its export shape and how
 * to read, write and merge it. Export, import, merge, undo, the version
 * counters, the debug hook, the fixtures and the format documentation all
 * iterate the list in ./index.ts, so a new record type is one module there.
 */
export interface RecordType<Name extends string, Value> {
  /** Key in the snapshot and in the JSON export. */
  readonly name: Name;
  /** The top-level Yjs type that holds it. */
  readonly topLevel: TopLevelName;
  /** For the format documentation: what it is and how it is laid out in the Y.Doc. */
  readonly title: string;
  readonly layout: string;
  /** The schema of one stored item (one entry, one step…): the keys, their types and limits. */
  readonly item: z.ZodType;
  /** The export shape, validated on import and on read. */
  readonly schema: z.ZodType<Value>;
  /** What the document holds, validated: malformed items are set aside with the reason. */
  read(doc: Y.Doc): ReadResult<Value>;
  /** Lay `value` out in a document that has none of it yet. Inside a transaction. */
  write(doc: Y.Doc, value: Value): void;
  /**
   * Add what `value` has and the document lacks, changing nothing that is
   * there (a JSON file has no CRDT history to merge edits by). Inside a
   * transaction. Returns how many items were added.
   */
  merge(doc: Y.Doc, value: Value): number;
}
