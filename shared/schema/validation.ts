import { z } from 'zod';
import { DomainError } from '../core/errors';
import {
  ACTION_PRIORITIES,
  ACTION_STATUSES,
  ACTION_TYPES,
  AUTHORED_ENTRY_KINDS,
  ENTRY_KINDS,
  LIFECYCLE_MILESTONES,
  ROLES,
  SEVERITIES,
  STATUSES,
  STEP_STATES,
} from './types';

export const MAX_TITLE = 200;
export const MAX_TEXT = 20_000;
export const MAX_NAME = 80;

/** Earliest and latest instants we accept (2000-01-01 … 2200-01-01): catches seconds-vs-millis mix-ups. */
const MIN_TIME = Date.UTC(2000, 0, 1);
const MAX_TIME = Date.UTC(2200, 0, 1);

export const timestampSchema = z
  .number({ error: 'must be a time' })
  .int('must be whole milliseconds')
  .min(MIN_TIME, 'is before the year 2000')
  .max(MAX_TIME, 'is after the year 2200');

export const severitySchema = z.enum(SEVERITIES, { error: `severity must be one of ${SEVERITIES.join(', ')}` });
export const statusSchema = z.enum(STATUSES, { error: `status must be one of ${STATUSES.join(', ')}` });
export const entryKindSchema = z.enum(ENTRY_KINDS, { error: 'unknown entry kind' });
export const authoredKindSchema = z.enum(AUTHORED_ENTRY_KINDS, {
  error: `kind must be one of ${AUTHORED_ENTRY_KINDS.join(', ')}`,
});
export const milestoneSchema = z.enum(LIFECYCLE_MILESTONES, { error: 'unknown lifecycle milestone' });
export const roleSchema = z.enum(ROLES, { error: `role must be one of ${ROLES.join(', ')}` });
export const stepStateSchema = z.enum(STEP_STATES);
export const idSchema = z.string().min(1, 'id is empty').max(128, 'id is too long');

const trimmed = (what: string, max: number) =>
  z
    .string({ error: `${what} must be text` })
    .trim()
    .min(1, `${what} is empty`)
    .max(max, `${what} is longer than ${max} characters`);

export const titleSchema = trimmed('title', MAX_TITLE);
export const entryTextSchema = trimmed('text', MAX_TEXT);
export const nameSchema = trimmed('name', MAX_NAME);
export const optionalTextSchema = z.string().max(MAX_TEXT, `text is longer than ${MAX_TEXT} characters`);

export const actorSchema = z.object({ name: nameSchema, deviceId: idSchema });

export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'due date must be YYYY-MM-DD')
  // Date.parse rolls 2024-02-30 over to March 1st, so round-trip instead of checking for NaN.
  .refine((s) => {
    const t = Date.parse(`${s}T00:00:00Z`);
    return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === s;
  }, 'due date is not a real date');

export const actionPrioritySchema = z.enum(ACTION_PRIORITIES);
export const actionStatusSchema = z.enum(ACTION_STATUSES);
export const actionTypeSchema = z.enum(ACTION_TYPES);

/** Parse or throw a DomainError whose message names the field that failed. */
export const parseOrThrow = <T>(schema: z.ZodType<T>, input: unknown, what: string): T => {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue && issue.path.length > 0 ? `${issue.path.join('.')} ` : '';
  throw new DomainError('invalid_input', `${what}: ${path}${issue?.message ?? 'invalid'}`);
};
