import * as Y from 'yjs';
import { z } from 'zod';
import { LOCAL_ORIGIN } from '../../core/origins';
import { DomainError } from '../../core/errors';
import type { OpContext } from '../../core/context';
import { appendEntry, requireDeclared } from '../doc-access';
import { periodsOf } from '../../schema/incident-doc';
import { PERIOD_KEYS, parsePeriod, periodMap } from '../../schema/records/periods';
import { readIncident } from '../../schema/records';
import type { OperationalPeriod } from '../../schema/types';
import { entryTextSchema, parseOrThrow, timestampSchema } from '../../schema/validation';
import { utcDateTime } from '../../time/utc-time';
import { handoffBrief } from '../handoff/handoff-brief';

/*
 * Operational periods (ICS): a long incident runs in shifts. The commander
 * opens one with a goal and a planned end; ending it writes the handoff brief
 * into the record; the incoming commander acknowledges it. Each step is logged
 * in the timeline as a `period` entry, and none can be taken back.
 */

/** A shift longer than this is a typo (a wrong day), not a plan. */
export const MAX_PERIOD_MS = 7 * 24 * 3_600_000;

const say = (ctx: OpContext, t: number): string => (ctx.describeTime ? ctx.describeTime(t) : utcDateTime(t));

export const readPeriods = (doc: Y.Doc): OperationalPeriod[] =>
  periodsOf(doc)
    .toArray()
    .flatMap((m) => {
      const r = parsePeriod(m);
      return 'period' in r ? [r.period] : [];
    });

/** The period under way (opened, not ended), if any. */
export const currentPeriod = (periods: readonly OperationalPeriod[]): OperationalPeriod | null => periods.findLast((p) => p.endedAt === null) ?? null;

/** The last ended period whose handoff nobody has acknowledged yet. */
export const pendingHandoff = (periods: readonly OperationalPeriod[]): OperationalPeriod | null => {
  const last = periods.findLast((p) => p.endedAt !== null);
  return last && last.acknowledgedAt === null ? last : null;
};

export const periodNumber = (periods: readonly OperationalPeriod[], id: string): number => periods.findIndex((p) => p.id === id) + 1;

const findPeriodMap = (doc: Y.Doc, id: string): Y.Map<unknown> => {
  for (const m of periodsOf(doc)) if (m instanceof Y.Map && m.get(PERIOD_KEYS.id) === id) return m;
  throw new DomainError('not_found', 'That operational period does not exist (it may not have synced yet).');
};

const openSchema = z.object({ goal: entryTextSchema, plannedEndAt: timestampSchema });
export type OpenPeriodInput = z.input<typeof openSchema>;

/** Open a new period. Refused while one is under way: end it first, so its handoff brief is written. Returns its id. */
export const openPeriod = (doc: Y.Doc, ctx: OpContext, input: OpenPeriodInput): string => {
  const data = parseOrThrow(openSchema, input, 'New period');
  requireDeclared(doc);
  const now = ctx.now();
  const periods = readPeriods(doc);
  const open = currentPeriod(periods);
  if (open) throw new DomainError('invalid_input', `Period ${periodNumber(periods, open.id)} is still under way. End it first, so that its handoff brief is written, then open the next one.`);
  if (data.plannedEndAt <= now) throw new DomainError('invalid_input', `The period must end after it starts: ${say(ctx, data.plannedEndAt)} is not later than now (${say(ctx, now)}).`);
  if (data.plannedEndAt - now > MAX_PERIOD_MS) throw new DomainError('invalid_input', `A period lasts at most 7 days; ${say(ctx, data.plannedEndAt)} is further away than that. Check the date.`);
  const id = ctx.newId();
  const n = periods.length + 1;
  doc.transact(() => {
    const period: OperationalPeriod = { id, goal: data.goal, startedAt: now, startedBy: { ...ctx.actor }, plannedEndAt: data.plannedEndAt, endedAt: null, endedBy: null, brief: null, acknowledgedAt: null, acknowledgedBy: null };
    periodsOf(doc).insert(periodsOf(doc).length, [periodMap(period)]);
    appendEntry(doc, ctx, { kind: 'period', text: `Period ${n} opened by ${ctx.actor.name}, planned to end ${utcDateTime(data.plannedEndAt)}. Goal: ${data.goal}`, occurredAt: now });
  }, LOCAL_ORIGIN);
  return id;
};

/** End the period under way: its handoff brief is written into the record and returned. */
export const endPeriod = (doc: Y.Doc, ctx: OpContext): { id: string; brief: string } => {
  requireDeclared(doc);
  const periods = readPeriods(doc);
  const open = currentPeriod(periods);
  if (!open) throw new DomainError('invalid_input', 'No period is under way. Open one with a goal and an end time first.');
  const incident = readIncident(doc);
  if (!incident) throw new DomainError('not_declared', 'This incident has not been declared yet (or has not synced from its peers).');
  const now = Math.max(ctx.now(), open.startedAt);
  const n = periodNumber(periods, open.id);
  const brief = handoffBrief({ incident, now, by: ctx.actor, period: { ...open, number: n } });
  const m = findPeriodMap(doc, open.id);
  doc.transact(() => {
    m.set(PERIOD_KEYS.endedAt, now);
    m.set(PERIOD_KEYS.endedBy, { ...ctx.actor });
    m.set(PERIOD_KEYS.brief, brief);
    appendEntry(doc, ctx, { kind: 'period', text: `Period ${n} ended by ${ctx.actor.name}; the handoff brief is written and waits for the incoming commander to acknowledge it.`, occurredAt: now });
  }, LOCAL_ORIGIN);
  return { id: open.id, brief };
};

/** The incoming commander says they have read the brief and taken over. */
export const acknowledgeHandoff = (doc: Y.Doc, ctx: OpContext, periodId: string): void => {
  requireDeclared(doc);
  const periods = readPeriods(doc);
  const p = periods.find((x) => x.id === periodId);
  if (!p) throw new DomainError('not_found', 'That operational period does not exist (it may not have synced yet).');
  const n = periodNumber(periods, p.id);
  if (p.endedAt === null) throw new DomainError('invalid_input', `Period ${n} has not ended yet, so there is no handoff brief to acknowledge.`);
  if (p.acknowledgedAt !== null) throw new DomainError('invalid_input', `${p.acknowledgedBy?.name ?? 'Someone'} already acknowledged the handoff of period ${n}.`);
  const m = findPeriodMap(doc, p.id);
  const now = ctx.now();
  doc.transact(() => {
    m.set(PERIOD_KEYS.acknowledgedAt, now);
    m.set(PERIOD_KEYS.acknowledgedBy, { ...ctx.actor });
    appendEntry(doc, ctx, { kind: 'period', text: `${ctx.actor.name} acknowledged the handoff brief of period ${n} and takes over.`, occurredAt: now });
  }, LOCAL_ORIGIN);
};
