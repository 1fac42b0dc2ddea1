import type * as Y from 'yjs';
import { z } from 'zod';
import { LOCAL_ORIGIN } from '../../core/origins';
import type { OpContext } from '../../core/context';
import { appendEntry, requireDeclared } from '../doc-access';
import { updatesOf } from '../../schema/incident-doc';
import { entryTextSchema, parseOrThrow, statusSchema } from '../../schema/validation';
import type { StakeholderUpdate } from '../../schema/types';

const postSchema = z.object({ status: statusSchema, text: entryTextSchema });
export type PostUpdateInput = z.input<typeof postSchema>;

/**
 * Record a stakeholder update as posted (it never changes afterwards) and log
 * it to the timeline as a comms entry, in one transaction. Returns its id.
 */
export const postUpdate = (doc: Y.Doc, ctx: OpContext, input: PostUpdateInput): string => {
  const data = parseOrThrow(postSchema, input, 'Stakeholder update');
  requireDeclared(doc);
  const id = ctx.newId();
  const now = ctx.now();
  const update: StakeholderUpdate = { id, status: data.status, text: data.text, postedAt: now, postedBy: { ...ctx.actor } };
  doc.transact(() => {
    const updates = updatesOf(doc);
    updates.insert(updates.length, [update]);
    appendEntry(doc, ctx, { kind: 'comms', text: `Stakeholder update (${data.status}): ${data.text}`, occurredAt: now });
  }, LOCAL_ORIGIN);
  return id;
};
