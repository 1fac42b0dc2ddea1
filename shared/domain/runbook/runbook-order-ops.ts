import type * as Y from 'yjs';
import { z } from 'zod';
import { LOCAL_ORIGIN } from '../../core/origins';
import { DomainError } from '../../core/errors';
import { happenedAt, type OpContext } from '../../core/context';
import { appendEntry, requireDeclared } from '../doc-access';
import { keyBetween, spreadKeys } from '../../schema/records/fractional-key';
import { keyAllSteps } from './step-keys';
import { STEP_KEYS } from '../../schema/records/runbook';
import { readOrderedSteps } from '../../schema/read-model';
import { idSchema, parseOrThrow } from '../../schema/validation';
import { inPlan } from './in-plan';

/*
 * Why a key and not delete + insert: Yjs cannot move an element of a Y.Array,
 * and re-inserting a copy of the step's map loses whatever a peer wrote to the
 * old map meanwhile (a teammate checks the step while the commander reorders:
 * the check vanishes), and two concurrent moves leave two copies. Rewriting the
 * step's order key keeps the same map: a concurrent check survives, and two
 * concurrent moves of one step resolve to one of them (last writer wins).
 */

const indexSchema = z.number().int('position must be a whole number').min(0, 'position must not be negative');

/**
 * Move a step to `toIndex` among the steps in the plan (0 = first; removed steps
 * are not counted, as they are not shown in the list), in one
 * transaction, logged like a check: the order is the plan, and the record
 * shows when it changed.
 */
export const moveStep = (doc: Y.Doc, ctx: OpContext, id: string, toIndex: number): void => {
  const stepId = parseOrThrow(idSchema, id, 'Runbook step');
  const to = parseOrThrow(indexSchema, toIndex, 'Move step');
  requireDeclared(doc);
  const current = readOrderedSteps(doc).filter((s) => inPlan(s.step));
  const from = current.findIndex((s) => s.step.id === stepId);
  if (from < 0) throw new DomainError('not_found', `Runbook step ${stepId} does not exist`);
  if (to >= current.length) throw new DomainError('invalid_input', `Move step: position ${to} is past the last step`);
  if (to === from) return;
  doc.transact(() => {
    appendEntry(doc, ctx, { kind: 'runbook', text: `Runbook: moved “${current[from]!.step.title}” from position ${from + 1} to ${to + 1}`, occurredAt: happenedAt(ctx) });
    const ordered = keyAllSteps(doc).filter((s) => inPlan(s.step));
    const moving = ordered[from]!;
    const rest = ordered.filter((_, i) => i !== from);
    const before = rest[to - 1]?.order ?? null;
    const after = rest[to]?.order ?? null;
    if (before === null || after === null || before < after) {
      moving.map.set(STEP_KEYS.order, keyBetween(before, after));
      return;
    }
    // Neighbours share a key (concurrent inserts into one gap): renumber the whole list once.
    const target = [...rest.slice(0, to), moving, ...rest.slice(to)];
    const keys = spreadKeys(target.length);
    target.forEach((s, i) => {
      if (s.order !== keys[i]) s.map.set(STEP_KEYS.order, keys[i]!);
    });
  }, LOCAL_ORIGIN);
};
