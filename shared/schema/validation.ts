import { z } from 'zod';
import { DomainError } from '../core/errors';
import { fieldWord } from './field-words';
import { ACTION_PRIORITIES, ACTION_STATUSES, ACTION_TYPES, AUTHORED_ENTRY_KINDS, ENTRY_KINDS, LIFECYCLE_MILESTONES, ROLES, SEVERITIES, STATUSES, STEP_STATES } from './types';
import { MAX_NAME, MAX_TEXT, MAX_TITLE, idSchema as recordIdSchema, isVisible, isoDateSchema as recordIsoDate, timeSchema } from './records/fields';

/*
 * What an operation accepts from a person. The limits are the record types'
 * own (./records/fields.ts), so whatever an operation writes, every reader and
 * every import accepts; input is trimmed here, where stored records never are.
 */

export { MAX_NAME, MAX_TEXT, MAX_TITLE } from './records/fields';

export const timestampSchema = timeSchema;

export const severitySchema = z.enum(SEVERITIES, { error: `must be one of ${SEVERITIES.join(', ')}` });
export const statusSchema = z.enum(STATUSES, { error: `must be one of ${STATUSES.join(', ')}` });
export const entryKindSchema = z.enum(ENTRY_KINDS, { error: 'is not a known entry kind' });
export const authoredKindSchema = z.enum(AUTHORED_ENTRY_KINDS, { error: `must be one of ${AUTHORED_ENTRY_KINDS.join(', ')}` });
export const milestoneSchema = z.enum(LIFECYCLE_MILESTONES, { error: 'is not a lifecycle milestone' });
export const roleSchema = z.enum(ROLES, { error: `must be one of ${ROLES.join(', ')}` });
export const stepStateSchema = z.enum(STEP_STATES);
export const idSchema = recordIdSchema;

/** Half of a UTF-16 surrogate pair without its other half: a character broken in copying, that no font shows. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const trimmed = (max: number) =>
  z
    .string({ error: 'must be text' })
    .trim()
    .refine(isVisible, 'is empty')
    .max(max, `is longer than ${max} characters`)
    .refine((s) => !LONE_SURROGATE.test(s), 'contains a broken character (half of an emoji or symbol, lost in copying)');

export const titleSchema = trimmed(MAX_TITLE);
export const entryTextSchema = trimmed(MAX_TEXT);
export const nameSchema = trimmed(MAX_NAME);
export const optionalTextSchema = z.string({ error: 'must be text' }).max(MAX_TEXT, `is longer than ${MAX_TEXT} characters`);

export const actorSchema = z.object({ name: nameSchema, deviceId: idSchema });

export const isoDateSchema = recordIsoDate;

export const actionPrioritySchema = z.enum(ACTION_PRIORITIES, { error: 'must be P1, P2 or P3' });
export const actionStatusSchema = z.enum(ACTION_STATUSES, { error: 'must be open, in progress, done or won’t do' });
export const actionTypeSchema = z.enum(ACTION_TYPES, { error: 'must be mitigate, prevent or process' });

/** "holder.name" → "the holder's name": a field path in words. */
const fieldWords = (path: readonly PropertyKey[]): string => {
  const words = path.filter((p): p is string => typeof p === 'string').map(fieldWord);
  if (words.length === 0) return '';
  return `the ${words.length === 1 ? words[0] : words.slice(0, -1).map((w) => `${w}\u2019s`).join(' ') + ' ' + words.at(-1)}`;
};

/**
 * Parse or throw a DomainError whose message is a sentence naming what was
 * wrong: "Title is empty.", "Timeline entry: the text is longer than 20000 characters."
 */
export const parseOrThrow = <T>(schema: z.ZodType<T>, input: unknown, what: string): T => {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue ? fieldWords(issue.path) : '';
  const message = issue?.message ?? 'is not valid';
  throw new DomainError('invalid_input', field ? `${what}: ${field} ${message}.` : `${what} ${message}.`);
};
