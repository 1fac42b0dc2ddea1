import { signEdit, signRetraction } from '../../evidence/sign';
import * as Y from 'yjs';
import { z } from 'zod';
import { LOCAL_ORIGIN } from '../../core/origins';
import { DomainError } from '../../core/errors';
import type { OpContext } from '../../core/context';
import { appendEntry, findEntry, requireDeclared } from '../doc-access';
import { ENTRY_KEYS } from '../../schema/records/timeline';
import { readEntry } from '../../schema/read-model';
import { authoredKindSchema, entryTextSchema, idSchema, optionalTextSchema, parseOrThrow, timestampSchema } from '../../schema/validation';

const addSchema = z.object({
  kind: authoredKindSchema,
  text: entryTextSchema,
  occurredAt: timestampSchema.optional(),
  pinned: z.boolean().optional(),
});
export type AddEntryInput = z.input<typeof addSchema>;

/** Add a typed entry; occurredAt defaults to now. Returns the new entry's id. */
export const addEntry = (doc: Y.Doc, ctx: OpContext, input: AddEntryInput): string => {
  const data = parseOrThrow(addSchema, input, 'Timeline entry');
  requireDeclared(doc);
  let id = '';
  doc.transact(() => {
    id = appendEntry(doc, ctx, { kind: data.kind, text: data.text, occurredAt: data.occurredAt ?? ctx.now(), pinned: data.pinned });
  }, LOCAL_ORIGIN);
  return id;
};

const editSchema = z
  .object({ id: idSchema, text: entryTextSchema.optional(), occurredAt: timestampSchema.optional() })
  .refine((v) => v.text !== undefined || v.occurredAt !== undefined, 'nothing to change');
export type EditEntryInput = z.input<typeof editSchema>;

/** Change text and/or time. The previous version goes into the entry's edit history. */
export const editEntry = (doc: Y.Doc, ctx: OpContext, input: EditEntryInput): void => {
  const data = parseOrThrow(editSchema, input, 'Edit entry');
  requireDeclared(doc);
  const m = findEntry(doc, data.id);
  const current = readEntry(m);
  if (!current) throw new DomainError('invalid_input', `Timeline entry ${data.id} is malformed and cannot be edited`);
  if (current.retracted) throw new DomainError('retracted', 'A retracted entry cannot be edited.');
  const text = data.text ?? current.text;
  const occurredAt = data.occurredAt ?? current.occurredAt;
  if (text === current.text && occurredAt === current.occurredAt) return;
  doc.transact(() => {
    let edits = m.get(ENTRY_KEYS.edits);
    if (!(edits instanceof Y.Array)) {
      edits = new Y.Array<unknown>();
      m.set(ENTRY_KEYS.edits, edits);
    }
    const history = edits as Y.Array<unknown>;
    const item = { text: current.text, occurredAt: current.occurredAt, editedAt: ctx.now(), editedBy: { ...ctx.actor } };
    history.insert(history.length, [item]);
    // Both fields, even the unchanged one: two concurrent edits then resolve (last writer wins, per
    // writer) to one person's whole version, which that person signed, never to a mix of two.
    m.set(ENTRY_KEYS.text, text);
    m.set(ENTRY_KEYS.occurredAt, occurredAt);
    signEdit(doc, ctx, data.id, item, { text, occurredAt });
  }, LOCAL_ORIGIN);
};

export const setPinned = (doc: Y.Doc, _ctx: OpContext, id: string, pinned: boolean): void => {
  const entryId = parseOrThrow(idSchema, id, 'Pin entry');
  const flag = parseOrThrow(z.boolean(), pinned, 'Pin flag');
  requireDeclared(doc);
  const m = findEntry(doc, entryId);
  if (m.get(ENTRY_KEYS.pinned) === flag) return;
  doc.transact(() => m.set(ENTRY_KEYS.pinned, flag), LOCAL_ORIGIN);
};

/** Retract, never delete: the text stays, marked with who retracted it, when and why. */
export const retractEntry = (doc: Y.Doc, ctx: OpContext, id: string, reason = ''): void => {
  const entryId = parseOrThrow(idSchema, id, 'Retract entry');
  const why = parseOrThrow(optionalTextSchema, reason, 'Retraction reason').trim();
  requireDeclared(doc);
  const m = findEntry(doc, entryId);
  if (m.get(ENTRY_KEYS.retracted)) throw new DomainError('retracted', 'This entry is already retracted.');
  doc.transact(() => {
    const retraction = { at: ctx.now(), by: { ...ctx.actor }, reason: why };
    m.set(ENTRY_KEYS.retracted, retraction);
    signRetraction(doc, ctx, entryId, retraction);
  }, LOCAL_ORIGIN);
};
