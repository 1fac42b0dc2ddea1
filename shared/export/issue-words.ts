import type { z } from 'zod';
import { fieldWord } from '../schema/field-words';

const WORDS: Record<string, string> = {
  incident: '',
  content: '',
  marks: '',
  meta: 'the incident details',
  roles: 'the roles',
  experts: 'the subject-matter experts',
  timeline: 'the timeline',
  runbook: 'the runbook',
  actions: 'the action items',
  updates: 'the stakeholder updates',
  postmortem: 'the postmortem',
  lifecycle: 'lifecycle',
};

const ITEM: Record<string, string> = { timeline: 'entry', runbook: 'step', actions: 'item', updates: 'update', roles: 'role', experts: 'expert', edits: 'earlier version', content: 'block', marks: 'mark' };

/**
 * A validation issue as words with its place: "the timeline, entry 2: occurredAt
 * is after the year 2200". The path is still there (people and support need to
 * find the field), but not as raw dotted keys alone.
 */
export const describeIssue = (error: z.ZodError): string => {
  const issue = error.issues[0];
  if (!issue) return 'it is invalid';
  const parts: string[] = [];
  let last = '';
  for (const p of issue.path) {
    if (typeof p === 'number') parts.push(`${ITEM[last] ?? 'item'} ${p + 1}`);
    else if (typeof p !== 'string') continue;
    else if (p in WORDS) {
      if (WORDS[p]) parts.push(WORDS[p]!);
    } else parts.push(fieldWord(p));
    if (typeof p === 'string') last = p;
  }
  const where = parts.join(', ');
  // zod's own wording for a missing key ("expected object, received undefined") is not for people.
  const message =
    issue.code === 'invalid_type' && /received undefined$/.test(issue.message)
      ? 'is missing'
      : issue.code === 'unrecognized_keys'
        ? `has ${issue.keys.length === 1 ? 'a key' : 'keys'} Warroom does not write (${issue.keys.map((k) => `“${k}”`).join(', ')})`
        : issue.message;
  return where ? `${where}: ${message}` : message;
};
