import * as Y from 'yjs';
import { z } from 'zod';
import { LOCAL_ORIGIN } from '../../core/origins';
import type { OpContext } from '../../core/context';
import { DomainError } from '../../core/errors';
import { findAction, requireDeclared } from '../doc-access';
import { actionsOf } from '../../schema/incident-doc';
import { actionSchema as actionRecordSchema } from '../../schema/records/actions';
import { firstIssue, rawOf } from '../../schema/records/fields';
import {
  actionPrioritySchema,
  actionStatusSchema,
  actionTypeSchema,
  idSchema,
  isoDateSchema,
  nameSchema,
  parseOrThrow,
  titleSchema,
} from '../../schema/validation';

/** An action item without an owner or a due date is a defect, so both are required. */
const actionSchema = z.object({
  title: titleSchema,
  owner: nameSchema,
  due: isoDateSchema,
  priority: actionPrioritySchema.default('P2'),
  type: actionTypeSchema.default('prevent'),
});
export type AddActionInput = z.input<typeof actionSchema>;

export const addActionItem = (doc: Y.Doc, ctx: OpContext, input: AddActionInput): string => {
  const data = parseOrThrow(actionSchema, input, 'Action item');
  requireDeclared(doc);
  const id = ctx.newId();
  doc.transact(() => {
    const actions = actionsOf(doc);
    const m = new Y.Map<unknown>();
    m.set('id', id);
    m.set('title', data.title);
    m.set('owner', data.owner);
    m.set('due', data.due);
    m.set('priority', data.priority);
    m.set('type', data.type);
    m.set('status', 'open');
    m.set('createdAt', ctx.now());
    m.set('createdBy', { ...ctx.actor });
    actions.insert(actions.length, [m]);
  }, LOCAL_ORIGIN);
  return id;
};

const updateSchema = z
  .strictObject({
    title: titleSchema.optional(),
    owner: nameSchema.optional(),
    due: isoDateSchema.optional(),
    priority: actionPrioritySchema.optional(),
    type: actionTypeSchema.optional(),
    status: actionStatusSchema.optional(),
  })
  .refine((p) => Object.values(p).some((v) => v !== undefined), 'nothing to change');
export type UpdateActionInput = z.input<typeof updateSchema>;

/**
 * Change fields of an action item; the owner and due date can be changed but
 * never cleared. Returns whether anything changed (no write when nothing did).
 * Like adding one, this is follow-up work, often weeks after the incident, so
 * it is not logged to the incident's timeline.
 */
export const updateActionItem = (doc: Y.Doc, _ctx: OpContext, id: string, patch: UpdateActionInput): boolean => {
  const actionId = parseOrThrow(idSchema, id, 'Action item');
  const data = parseOrThrow(updateSchema, patch, 'Action item');
  requireDeclared(doc);
  const m = findAction(doc, actionId);
  // Compare with the stored value, not the read model's: a field a peer
  // mangled must still be repairable by setting it.
  const changes = Object.entries(data).filter(([k, v]) => v !== undefined && m.get(k) !== v);
  if (changes.length === 0) return false;
  const after = actionRecordSchema.safeParse({ ...rawOf(m), ...Object.fromEntries(changes) });
  if (!after.success) throw new DomainError('invalid_input', `This action item is damaged (${firstIssue(after.error)}), and this change does not repair it.`);
  doc.transact(() => {
    for (const [k, v] of changes) m.set(k, v);
  }, LOCAL_ORIGIN);
  return true;
};
