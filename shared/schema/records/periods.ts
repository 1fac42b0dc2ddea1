import * as Y from 'yjs';
import { z } from 'zod';
import type { OperationalPeriod } from '../types';
import { periodsOf } from '../incident-doc';
import { MAX_ITEMS, MAX_TEXT, actorSchema, appendAll, copy, firstIssue, idSchema, mapOf, nonBlank, rawOf, textUpTo, timeSchema, writerOf } from './fields';
import { idsIn, itemWriter } from './timeline';
import type { ReadResult, RecordType, SetAside } from './record-type';

/** Keys of one period's map. */
export const PERIOD_KEYS = {
  id: 'id',
  goal: 'goal',
  startedAt: 'startedAt',
  startedBy: 'startedBy',
  plannedEndAt: 'plannedEndAt',
  endedAt: 'endedAt',
  endedBy: 'endedBy',
  brief: 'brief',
  acknowledgedAt: 'acknowledgedAt',
  acknowledgedBy: 'acknowledgedBy',
} as const;

/**
 * An operational period (ICS): a shift with a goal and a planned end. Ending it
 * freezes the handoff brief into the record, so what the incoming commander
 * acknowledged is what the record shows, even as the incident moves on.
 */
export const periodSchema: z.ZodType<OperationalPeriod> = z.strictObject({
  id: idSchema,
  goal: nonBlank(MAX_TEXT),
  startedAt: timeSchema,
  startedBy: actorSchema,
  plannedEndAt: timeSchema,
  endedAt: timeSchema.nullable(),
  endedBy: actorSchema.nullable(),
  brief: textUpTo(MAX_TEXT * 10).nullable(),
  acknowledgedAt: timeSchema.nullable(),
  acknowledgedBy: actorSchema.nullable(),
});

export const parsePeriod = (m: unknown): { period: OperationalPeriod } | { reason: string; id: string | null } => {
  if (!(m instanceof Y.Map)) return { reason: 'is not a map', id: null };
  const raw = rawOf(m);
  const parsed = periodSchema.safeParse(raw);
  if (parsed.success) return { period: parsed.data };
  return { reason: firstIssue(parsed.error), id: typeof raw.id === 'string' ? raw.id : null };
};

export const periodMap = (p: OperationalPeriod): Y.Map<unknown> => mapOf(copy(p) as unknown as Record<string, unknown>);

export const periodsRecord: RecordType<'periods', OperationalPeriod[]> = {
  name: 'periods',
  topLevel: 'periods',
  title: 'Operational periods',
  layout:
    'A `Y.Array` of `Y.Map`, one per operational period in the order they were opened. Ending a period sets `endedAt`, `endedBy` and `brief` (the handoff brief as written then); the incoming commander sets `acknowledgedAt` and `acknowledgedBy`. Periods are never deleted.',
  item: periodSchema,
  schema: z.array(periodSchema).max(MAX_ITEMS),
  read(doc): ReadResult<OperationalPeriod[]> {
    const value: OperationalPeriod[] = [];
    const setAside: SetAside[] = [];
    periodsOf(doc).toArray().forEach((m, index) => {
      const r = parsePeriod(m);
      if ('period' in r) value.push(r.period);
      else setAside.push({ record: 'periods', id: r.id, reason: r.reason, client: writerOf(m) ?? itemWriter(periodsOf(doc), index) });
    });
    return { value, setAside };
  },
  write(doc, items) {
    appendAll(periodsOf(doc), items.map(periodMap));
  },
  merge(doc, items) {
    const have = idsIn(periodsOf(doc));
    const missing = items.filter((p) => !have.has(p.id));
    appendAll(periodsOf(doc), missing.map(periodMap));
    return missing.length;
  },
};
