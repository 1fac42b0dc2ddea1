import type * as Y from 'yjs';
import { z } from 'zod';
import { LOCAL_ORIGIN } from '../../core/origins';
import { DomainError } from '../../core/errors';
import { happenedAt, type OpContext } from '../../core/context';
import { appendEntry } from '../doc-access';
import { STEP_KEYS } from '../../schema/records/runbook';
import { parseOrThrow } from '../../schema/validation';
import type { StepRemoval } from '../../schema/types';
import { loadStep } from './runbook-ops';

/*
 * Why a step is removed and not deleted: the runbook is part of the record. A
 * step that does not apply (the template's "fail over" for a single-region
 * service) leaves the plan, but the document keeps it with who took it out,
 * when and why, and the timeline says so, like a check. Restoring brings it
 * back exactly as it was.
 */

const reasonSchema = z.string().trim().min(1, 'say why the step is removed').max(2000, 'the reason is longer than 2,000 characters');

export const removeStep = (doc: Y.Doc, ctx: OpContext, id: string, reason: string): void => {
  const why = parseOrThrow(reasonSchema, reason, 'Remove step');
  const { m, step } = loadStep(doc, id);
  if (step.removed) return;
  if (step.state === 'done') throw new DomainError('invalid_input', `“${step.title}” is done: it stays in the runbook as a record of what was done.`);
  const now = happenedAt(ctx);
  const removal: StepRemoval = { by: { ...ctx.actor }, at: now, reason: why };
  doc.transact(() => {
    m.set(STEP_KEYS.removed, removal);
    appendEntry(doc, ctx, { kind: 'runbook', text: `Runbook: removed “${step.title}” — ${why}`, occurredAt: now });
  }, LOCAL_ORIGIN);
};

export const restoreStep = (doc: Y.Doc, ctx: OpContext, id: string): void => {
  const { m, step } = loadStep(doc, id);
  if (!step.removed) return;
  doc.transact(() => {
    m.delete(STEP_KEYS.removed);
    appendEntry(doc, ctx, { kind: 'runbook', text: `Runbook: restored “${step.title}” (removed by ${step.removed!.by.name}: ${step.removed!.reason})`, occurredAt: happenedAt(ctx) });
  }, LOCAL_ORIGIN);
};
