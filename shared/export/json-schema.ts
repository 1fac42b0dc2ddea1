import { z } from 'zod';
import { pmDocSchema } from '../postmortem/pm-schema';
import {
  ACTION_PRIORITIES,
  ACTION_STATUSES,
  ACTION_TYPES,
  ENTRY_KINDS,
  LIFECYCLE_MILESTONES,
  ROLES,
  SEVERITIES,
  STATUSES,
  STEP_STATES,
  type IncidentSnapshot,
} from '../schema/types';
import type { PmDoc } from '../postmortem/pm-json';

/**
 * The JSON export, version 1: `IncidentSnapshot` (what `readIncident` projects)
 * plus the postmortem as ProseMirror JSON. The schema checks types and shapes,
 * not the rules an operation enforces (lifecycle order, unique ids): two peers'
 * concurrent edits can legitimately break those, and a file we wrote must
 * always import again. Unknown keys are refused: such a file is not ours.
 */

export const EXPORT_FORMAT = 'warroom.incident';
export const EXPORT_VERSION = 1;

/** Ids end up in the address bar (#/incident/<id>). */
export const incidentIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, 'is not a valid incident id');

const BIG = 1_000_000;
const text = z.string().max(BIG);
const id = z.string().min(1).max(256);
const time = z.number().refine(Number.isFinite, 'must be a finite number');
const actor = z.strictObject({ name: z.string().max(1_000), deviceId: z.string().max(256) });
const retraction = z.strictObject({ at: time, by: actor, reason: text });
const edit = z.strictObject({ text, occurredAt: time, editedAt: time, editedBy: actor });

const lifecycle = z.strictObject(Object.fromEntries(LIFECYCLE_MILESTONES.map((m) => [m, time.optional()])) as Record<(typeof LIFECYCLE_MILESTONES)[number], z.ZodOptional<typeof time>>);

const meta = z.strictObject({
  id: incidentIdSchema,
  title: z.string().max(BIG),
  severity: z.enum(SEVERITIES),
  status: z.enum(STATUSES),
  drill: z.boolean(),
  summary: text,
  impact: text,
  lifecycle,
  createdBy: actor,
});

const entry = z.strictObject({
  id,
  kind: z.enum(ENTRY_KINDS),
  text,
  author: actor,
  occurredAt: time,
  recordedAt: time,
  clock: time,
  pinned: z.boolean(),
  retracted: retraction.nullable(),
  edits: z.array(edit).max(10_000),
});

const role = z.strictObject({ role: z.enum(ROLES), holder: actor, assignedAt: time, assignedBy: actor });

const step = z.strictObject({
  id,
  title: text,
  detail: text,
  assignee: z.string().max(1_000).nullable(),
  state: z.enum(STEP_STATES),
  skipReason: text.nullable(),
  doneBy: actor.nullable(),
  doneAt: time.nullable(),
  // Present only on risky steps (see RunbookStep).
  risky: z.literal(true).optional(),
  rollback: text.optional(),
});

const action = z.strictObject({
  id,
  title: text,
  owner: z.string().max(1_000),
  due: z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')]),
  priority: z.enum(ACTION_PRIORITIES),
  type: z.enum(ACTION_TYPES),
  status: z.enum(ACTION_STATUSES),
  createdAt: time,
  createdBy: actor,
});

const update = z.strictObject({ id, status: z.enum(STATUSES), text, postedAt: time, postedBy: actor });

const MAX_ITEMS = 1_000_000;
export const snapshotSchema: z.ZodType<IncidentSnapshot> = z.strictObject({
  meta,
  roles: z.array(role).max(ROLES.length),
  timeline: z.array(entry).max(MAX_ITEMS),
  runbook: z.array(step).max(MAX_ITEMS),
  actions: z.array(action).max(MAX_ITEMS),
  updates: z.array(update).max(MAX_ITEMS),
});

export interface IncidentExport {
  format: typeof EXPORT_FORMAT;
  schemaVersion: typeof EXPORT_VERSION;
  /** Epoch milliseconds. */
  exportedAt: number;
  incident: IncidentSnapshot;
  postmortem: PmDoc;
}

export const exportSchema: z.ZodType<IncidentExport> = z.strictObject({
  format: z.literal(EXPORT_FORMAT),
  schemaVersion: z.literal(EXPORT_VERSION),
  exportedAt: time,
  incident: snapshotSchema,
  postmortem: pmDocSchema,
});
