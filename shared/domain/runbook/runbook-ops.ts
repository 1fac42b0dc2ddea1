import * as Y from 'yjs';
import { z } from 'zod';
import { LOCAL_ORIGIN } from '../../core/origins';
import { DomainError } from '../../core/errors';
import { happenedAt, type OpContext } from '../../core/context';
import { appendEntry, findStep, requireDeclared } from '../doc-access';
import { runbookOf } from '../../schema/incident-doc';
import { STEP_KEYS } from '../../schema/records/runbook';
import { readStep } from '../../schema/read-model';
import { idSchema, nameSchema, optionalTextSchema, parseOrThrow, titleSchema } from '../../schema/validation';
import type { RunbookStep } from '../../schema/types';
import { appendKeys } from './step-keys';

export const stepSchema = z.object({
  title: titleSchema,
  detail: optionalTextSchema.default(''),
  assignee: nameSchema.nullable().default(null),
  /** A risky step asks for confirmation before it is checked, and shows its rollback. */
  risky: z.boolean().default(false),
  rollback: optionalTextSchema.default(''),
});
export type AddStepInput = z.input<typeof stepSchema>;
type StepData = z.output<typeof stepSchema>;

/** A new step's map (todo). Must be inserted inside a transaction. */
export const newStepMap = (id: string, data: StepData, order: string): Y.Map<unknown> => {
  const m = new Y.Map<unknown>();
  m.set(STEP_KEYS.id, id);
  m.set(STEP_KEYS.title, data.title);
  m.set(STEP_KEYS.detail, data.detail);
  m.set(STEP_KEYS.assignee, data.assignee);
  m.set(STEP_KEYS.state, 'todo');
  m.set(STEP_KEYS.skipReason, null);
  m.set(STEP_KEYS.doneBy, null);
  m.set(STEP_KEYS.doneAt, null);
  m.set(STEP_KEYS.order, order);
  if (data.risky) m.set(STEP_KEYS.risky, true);
  if (data.rollback.trim() !== '') m.set(STEP_KEYS.rollback, data.rollback.trim());
  return m;
};

export const addStep = (doc: Y.Doc, ctx: OpContext, input: AddStepInput): string => {
  const data = parseOrThrow(stepSchema, input, 'Runbook step');
  requireDeclared(doc);
  const id = ctx.newId();
  doc.transact(() => {
    const runbook = runbookOf(doc);
    const [order] = appendKeys(doc, 1);
    runbook.insert(runbook.length, [newStepMap(id, data, order!)]);
    // Logged like a check: the record shows when the plan changed, not only when it was worked.
    appendEntry(doc, ctx, { kind: 'runbook', text: `Runbook: added “${data.title}”`, occurredAt: happenedAt(ctx) });
  }, LOCAL_ORIGIN);
  return id;
};

export const loadStep = (doc: Y.Doc, id: string): { m: Y.Map<unknown>; step: RunbookStep } => {
  const stepId = parseOrThrow(idSchema, id, 'Runbook step');
  requireDeclared(doc);
  const m = findStep(doc, stepId);
  const step = readStep(m);
  if (!step) throw new DomainError('invalid_input', `Runbook step ${stepId} is malformed`);
  return { m, step };
};

/** A removed step is out of the plan: working it would log progress on something nobody is doing. */
const loadStepInPlan = (doc: Y.Doc, id: string): { m: Y.Map<unknown>; step: RunbookStep } => {
  const loaded = loadStep(doc, id);
  if (loaded.step.removed) throw new DomainError('invalid_input', `“${loaded.step.title}” was removed from the runbook. Restore it first.`);
  return loaded;
};

/** Check a step off: who and when land in the step and in the timeline. */
export const checkStep = (doc: Y.Doc, ctx: OpContext, id: string): void => {
  const { m, step } = loadStepInPlan(doc, id);
  if (step.state === 'done') return;
  const now = happenedAt(ctx);
  doc.transact(() => {
    m.set('state', 'done');
    m.set('skipReason', null);
    m.set('doneBy', { ...ctx.actor });
    m.set('doneAt', now);
    appendEntry(doc, ctx, { kind: 'runbook', text: `Runbook: done “${step.title}”`, occurredAt: now });
  }, LOCAL_ORIGIN);
};

export const uncheckStep = (doc: Y.Doc, ctx: OpContext, id: string): void => {
  const { m, step } = loadStepInPlan(doc, id);
  if (step.state === 'todo') return;
  doc.transact(() => {
    m.set('state', 'todo');
    m.set('skipReason', null);
    m.set('doneBy', null);
    m.set('doneAt', null);
    appendEntry(doc, ctx, { kind: 'runbook', text: `Runbook: reopened “${step.title}” (was ${step.state})`, occurredAt: happenedAt(ctx) });
  }, LOCAL_ORIGIN);
};

export const skipStep = (doc: Y.Doc, ctx: OpContext, id: string, reason: string): void => {
  const why = parseOrThrow(z.string().trim().min(1, 'a reason is required to skip a step').max(2000), reason, 'Skip step');
  const { m, step } = loadStepInPlan(doc, id);
  const now = happenedAt(ctx);
  doc.transact(() => {
    m.set('state', 'skipped');
    m.set('skipReason', why);
    m.set('doneBy', { ...ctx.actor });
    m.set('doneAt', now);
    appendEntry(doc, ctx, { kind: 'runbook', text: `Runbook: skipped “${step.title}” — ${why}`, occurredAt: now });
  }, LOCAL_ORIGIN);
};

/** Who a step is assigned to (a name; null clears it). Logged. */
export const assignStep = (doc: Y.Doc, ctx: OpContext, id: string, assignee: string | null): void => {
  const who = parseOrThrow(nameSchema.nullable(), assignee, 'Step assignee');
  const { m, step } = loadStepInPlan(doc, id);
  if (step.assignee === who) return;
  const text =
    who === null ? `Runbook: “${step.title}” unassigned (was ${step.assignee ?? 'nobody'})` : `Runbook: “${step.title}” assigned to ${who}`;
  doc.transact(() => {
    m.set(STEP_KEYS.assignee, who);
    appendEntry(doc, ctx, { kind: 'runbook', text, occurredAt: happenedAt(ctx) });
  }, LOCAL_ORIGIN);
};
