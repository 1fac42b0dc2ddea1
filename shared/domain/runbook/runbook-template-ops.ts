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
import { readTimeline } from '../../schema/read-model';
import { DomainError } from '../../core/errors';

const appliedText = (name: string) => `Runbook: applied “${name}” (`;

/** Whether the timeline says this template was applied (and that entry was not retracted). */
export const templateApplied = (doc: Y.Doc, name: string): boolean => {
  const prefix = appliedText(name);
  return readTimeline(doc).some((e) => e.kind === 'runbook' && e.retracted === null && e.text.startsWith(prefix));
};

const applySchema = templateSchema.pick({ name: true, steps: true });
export type ApplyTemplateInput = z.input<typeof applySchema>;

/**
 * Append a template's steps to the runbook, after any already there, in one
 * transaction, and log which template was applied. Returns the new step ids.
 */
export const applyRunbookTemplate = (doc: Y.Doc, ctx: OpContext, template: ApplyTemplateInput, opts: { confirmed?: boolean } = {}): string[] => {
  const data = parseOrThrow(applySchema, template, 'Runbook template');
  requireDeclared(doc);
  if (!opts.confirmed && templateApplied(doc, data.name)) {
    throw new DomainError('needs_confirmation', `The template “${data.name}” was applied already. Applying it again adds its ${data.steps.length} step${data.steps.length === 1 ? '' : 's'} a second time. Apply it again?`);
  }
  const ids = data.steps.map(() => ctx.newId());
  doc.transact(() => {
    const runbook = runbookOf(doc);
    const keys = appendKeys(doc, data.steps.length);
    runbook.insert(
      runbook.length,
      data.steps.map((s, i) => newStepMap(ids[i]!, { ...s, assignee: null }, keys[i]!)),
    );
    const n = data.steps.length;
    appendEntry(doc, ctx, { kind: 'runbook', text: `${appliedText(data.name)}${n} step${n === 1 ? '' : 's'})`, occurredAt: happenedAt(ctx) });
  }, LOCAL_ORIGIN);
  return ids;
};
