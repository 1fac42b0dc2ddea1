import * as Y from 'yjs';
import { z } from 'zod';
import { STEP_STATES, type RunbookStep } from '../types';
import { runbookOf } from '../incident-doc';
import { isOrderKey } from './fractional-key';
import { writerOf, MAX_ITEMS, MAX_NAME, MAX_TEXT, MAX_TITLE, actorSchema, appendAll, copy, firstIssue, idSchema, mapOf, nonBlank, rawOf, textUpTo, timeSchema } from './fields';
import { idsIn, itemWriter } from './timeline';
import type { ReadResult, RecordType, SetAside } from './record-type';

/**
 * Keys of the per-step Y.Map. `order` is a fractional key (shared/domain/runbook/fractional-key.ts):
 * steps show sorted by it, so a move rewrites one field of one step and a
 * concurrent check of that step is never lost. Steps without a valid key (older
 * documents, JSON imports) follow the keyed ones, in array order.
 */
export const STEP_KEYS = {
  id: 'id',
  title: 'title',
  detail: 'detail',
  assignee: 'assignee',
  state: 'state',
  skipReason: 'skipReason',
  doneBy: 'doneBy',
  doneAt: 'doneAt',
  order: 'order',
  risky: 'risky',
  rollback: 'rollback',
  removed: 'removed',
} as const;

export const stepSchema: z.ZodType<RunbookStep> = z.strictObject({
  id: idSchema,
  title: nonBlank(MAX_TITLE),
  detail: textUpTo(MAX_TEXT),
  assignee: nonBlank(MAX_NAME).nullable(),
  state: z.enum(STEP_STATES, { error: 'must be todo, done or skipped' }),
  skipReason: textUpTo(MAX_TEXT).nullable(),
  doneBy: actorSchema.nullable(),
  doneAt: timeSchema.nullable(),
  /** Base-62 fractional key; absent on steps of older documents. */
  order: z.string().refine(isOrderKey, 'is not an order key').describe('a fractional order key (see Runbook order)').optional(),
  // Present only on risky steps.
  risky: z.literal(true).optional(),
  rollback: nonBlank(MAX_TEXT).optional(),
  // Present only on a removed step (see StepRemoval).
  removed: z.strictObject({ by: actorSchema, at: timeSchema, reason: nonBlank(MAX_TEXT) }).optional(),
});

export interface StepSlot {
  id: string;
  /** The step's order key when it is a valid one, else null. */
  order: string | null;
  /** Position in the raw Yjs array. */
  index: number;
}

export const orderKeyOf = (v: unknown): string | null => (isOrderKey(v) ? v : null);

/**
 * Display order of runbook steps, the same on every peer: steps with a valid
 * order key by key (ties, from concurrent inserts into one gap, by array
 * position), then steps without one in array order. An id that appears twice
 * (a merged import, a confused peer) shows once: its first copy in the array,
 * which is also the one operations write to.
 */
export const sortStepSlots = <T extends StepSlot>(slots: readonly T[]): T[] => {
  const seen = new Set<string>();
  const unique = [...slots].sort((a, b) => a.index - b.index).filter((s) => !seen.has(s.id) && seen.add(s.id) !== undefined);
  return unique.sort((a, b) => {
    if (a.order !== null && b.order !== null && a.order !== b.order) return a.order < b.order ? -1 : 1;
    if ((a.order === null) !== (b.order === null)) return a.order === null ? 1 : -1;
    return a.index - b.index;
  });
};

/** Stored keys of a step map, with the defaults of older documents; an invalid order key is left out (it sorts last). */
const rawStep = (m: Y.Map<unknown>): Record<string, unknown> => {
  const raw = rawOf(m);
  const out: Record<string, unknown> = { detail: '', assignee: null, skipReason: null, doneBy: null, doneAt: null, ...raw };
  if (!isOrderKey(out.order)) delete out.order;
  if (out.risky !== true) delete out.risky;
  if (typeof out.rollback !== 'string' || out.rollback.trim() === '') delete out.rollback;
  if (out.removed === undefined || out.removed === null) delete out.removed;
  return out;
};

export const parseStep = (m: unknown): { step: RunbookStep } | { reason: string; id: string | null } => {
  if (!(m instanceof Y.Map)) return { reason: 'is not a map', id: null };
  const raw = rawStep(m);
  const parsed = stepSchema.safeParse(raw);
  if (parsed.success) return { step: parsed.data };
  return { reason: firstIssue(parsed.error), id: typeof raw.id === 'string' ? raw.id : null };
};

export const readStep = (m: unknown): RunbookStep | null => {
  const r = parseStep(m);
  return 'step' in r ? r.step : null;
};

export interface OrderedStep {
  map: Y.Map<unknown>;
  step: RunbookStep;
  /** Its valid order key, or null (see STEP_KEYS). */
  order: string | null;
}

const readSteps = (doc: Y.Doc): { ordered: OrderedStep[]; setAside: SetAside[] } => {
  const setAside: SetAside[] = [];
  const slots = runbookOf(doc)
    .toArray()
    .flatMap((map, index) => {
      const r = parseStep(map);
      if (!('step' in r)) {
        setAside.push({ record: 'runbook', id: r.id, reason: r.reason, client: writerOf(map) ?? itemWriter(runbookOf(doc), index) });
        return [];
      }
      return [{ id: r.step.id, index, map, step: r.step, order: r.step.order ?? null }];
    });
  return { ordered: sortStepSlots(slots).map(({ map, step, order }) => ({ map, step, order })), setAside };
};

/** Readable steps in display order (see sortStepSlots), with the maps that hold them. */
export const readOrderedSteps = (doc: Y.Doc): OrderedStep[] => readSteps(doc).ordered;

export const stepMap = (s: RunbookStep): Y.Map<unknown> => mapOf(copy(s) as unknown as Record<string, unknown>);

export const runbookRecord: RecordType<'runbook', RunbookStep[]> = {
  name: 'runbook',
  topLevel: 'runbook',
  title: 'Runbook steps',
  layout:
    'A `Y.Array` of `Y.Map`, one per step. Display order is by `order`, a fractional key over the base-62 digits `0-9A-Za-z` compared in code-unit order (a move rewrites one key, so a concurrent check of the moved step survives); steps without a valid key follow in array order; an id that appears twice shows once, its first copy. Steps are never deleted: a step taken out of the plan keeps its place and gains `removed` (who, when, why); restoring it deletes that key.',
  item: stepSchema,
  schema: z.array(stepSchema).max(MAX_ITEMS),
  read(doc): ReadResult<RunbookStep[]> {
    const { ordered, setAside } = readSteps(doc);
    return { value: ordered.map((s) => s.step), setAside };
  },
  write(doc, steps) {
    appendAll(runbookOf(doc), steps.map(stepMap));
  },
  merge(doc, steps) {
    const have = idsIn(runbookOf(doc));
    const missing = steps.filter((s) => !have.has(s.id));
    appendAll(runbookOf(doc), missing.map(stepMap));
    return missing.length;
  },
};
