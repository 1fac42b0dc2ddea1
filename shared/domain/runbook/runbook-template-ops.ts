import type * as Y from 'yjs';
import type { z } from 'zod';
import { LOCAL_ORIGIN } from '../../core/origins';
import { happenedAt, type OpContext } from '../../core/context';
import { appendEntry, requireDeclared } from '../doc-access';
import { newStepMap } from './runbook-ops';
import { appendKeys } from './step-keys';
import { templateSchema } from './runbook-templates';
import { runbookOf } from '../../schema/incident-doc';
import { parseOrThrow } from '../../schema/validation';

const applySchema = templateSchema.pick({ name: true, steps: true });
export type ApplyTemplateInput = z.input<typeof applySchema>;

/**
 * Append a template's steps to the runbook, after any already there, in one
 * transaction, and log which template was applied. Returns the new step ids.
 */
export const applyRunbookTemplate = (doc: Y.Doc, ctx: OpContext, template: ApplyTemplateInput): string[] => {
  const data = parseOrThrow(applySchema, template, 'Runbook template');
  requireDeclared(doc);
  const ids = data.steps.map(() => ctx.newId());
  doc.transact(() => {
    const runbook = runbookOf(doc);
    const keys = appendKeys(doc, data.steps.length);
    runbook.insert(
      runbook.length,
      data.steps.map((s, i) => newStepMap(ids[i]!, { ...s, assignee: null }, keys[i]!)),
    );
    const n = data.steps.length;
    appendEntry(doc, ctx, { kind: 'runbook', text: `Runbook: applied “${data.name}” (${n} step${n === 1 ? '' : 's'})`, occurredAt: happenedAt(ctx) });
  }, LOCAL_ORIGIN);
  return ids;
};
