import * as Y from 'yjs';
import { z } from 'zod';
import { LOCAL_ORIGIN } from './origins';
import type { OpContext } from './context';
import { requireDeclared } from './doc-access';
import { actionsOf } from '../schema/incident-doc';
import {
  actionPrioritySchema,
  actionTypeSchema,
  isoDateSchema,
  nameSchema,
  parseOrThrow,
  titleSchema,
} from '../schema/validation';

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
