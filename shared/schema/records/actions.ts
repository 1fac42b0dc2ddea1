import * as Y from 'yjs';
import { z } from 'zod';
import { ACTION_PRIORITIES, ACTION_STATUSES, ACTION_TYPES, type ActionItem } from '../types';
import { actionsOf } from '../incident-doc';
import { writerOf, MAX_ITEMS, MAX_NAME, MAX_TITLE, actorSchema, appendAll, copy, firstIssue, idSchema, isoDateSchema, mapOf, nonBlank, rawOf, textUpTo, timeSchema } from './fields';
import { idsIn, itemWriter } from './timeline';
import type { ReadResult, RecordType, SetAside } from './record-type';

export const ACTION_KEYS = {
  id: 'id',
  title: 'title',
  owner: 'owner',
  due: 'due',
  priority: 'priority',
  type: 'type',
  status: 'status',
  createdAt: 'createdAt',
  createdBy: 'createdBy',
} as const;

/**
 * An action item without an owner or a due date is a defect, so operations
 * require both; a stored one may still lack them (older documents), and is
 * shown as such rather than hidden.
 */
export const actionSchema: z.ZodType<ActionItem> = z.strictObject({
  id: idSchema,
  title: nonBlank(MAX_TITLE),
  owner: textUpTo(MAX_NAME),
  due: z.union([z.literal(''), isoDateSchema]),
  priority: z.enum(ACTION_PRIORITIES, { error: 'must be P1, P2 or P3' }),
  type: z.enum(ACTION_TYPES, { error: 'must be mitigate, prevent or process' }),
  status: z.enum(ACTION_STATUSES, { error: 'must be open, in_progress, done or wont_do' }),
  createdAt: timeSchema,
  createdBy: actorSchema,
});

export const parseAction = (m: unknown): { action: ActionItem } | { reason: string; id: string | null } => {
  if (!(m instanceof Y.Map)) return { reason: 'is not a map', id: null };
  const raw = rawOf(m);
  const parsed = actionSchema.safeParse(raw);
  if (parsed.success) return { action: parsed.data };
  return { reason: firstIssue(parsed.error), id: typeof raw.id === 'string' ? raw.id : null };
};

export const readAction = (m: unknown): ActionItem | null => {
  const r = parseAction(m);
  return 'action' in r ? r.action : null;
};

export const actionMap = (a: ActionItem): Y.Map<unknown> => mapOf(copy(a) as unknown as Record<string, unknown>);

export const actionsRecord: RecordType<'actions', ActionItem[]> = {
  name: 'actions',
  topLevel: 'actions',
  title: 'Action items',
  layout: 'A `Y.Array` of `Y.Map`, one per action item, every value plain JSON. Fields change in place; items are never deleted (one that is dropped is `wont_do`).',
  item: actionSchema,
  schema: z.array(actionSchema).max(MAX_ITEMS),
  read(doc): ReadResult<ActionItem[]> {
    const value: ActionItem[] = [];
    const setAside: SetAside[] = [];
    actionsOf(doc).toArray().forEach((m, index) => {
      const r = parseAction(m);
      if ('action' in r) value.push(r.action);
      else setAside.push({ record: 'actions', id: r.id, reason: r.reason, client: writerOf(m) ?? itemWriter(actionsOf(doc), index) });
    });
    return { value, setAside };
  },
  write(doc, items) {
    appendAll(actionsOf(doc), items.map(actionMap));
  },
  merge(doc, items) {
    const have = idsIn(actionsOf(doc));
    const missing = items.filter((a) => !have.has(a.id));
    appendAll(actionsOf(doc), missing.map(actionMap));
    return missing.length;
  },
};
