import type * as Y from 'yjs';
import { z } from 'zod';
import { LOCAL_ORIGIN } from '../../core/origins';
import { DomainError } from '../../core/errors';
import { happenedAt, type OpContext } from '../../core/context';
import { appendEntry, requireDeclared } from '../doc-access';
import { applyLifecyclePatch, assertLifecycleOrder, isRegression, lifecyclePatchForStatus } from './lifecycle';
import { milestoneWords } from '../../schema/records/lifecycle-order';
import { readableUtc } from '../../time/utc-time';
import { LIFECYCLE_MILESTONES } from '../../schema/types';
import { SCHEMA_VERSION, metaOf } from '../../schema/incident-doc';
import { META_KEYS, lifecycleKey } from '../../schema/records/meta';
import { readLifecycle, readMeta } from '../../schema/read-model';
import {
  milestoneSchema,
  optionalTextSchema,
  parseOrThrow,
  severitySchema,
  statusSchema,
  timestampSchema,
  titleSchema,
} from '../../schema/validation';
import type { Lifecycle, LifecycleMilestone, Severity, Status } from '../../schema/types';

const declareSchema = z.object({
  title: titleSchema,
  severity: severitySchema,
  drill: z.boolean().default(false),
  summary: optionalTextSchema.default(''),
  startedAt: timestampSchema.optional(),
  detectedAt: timestampSchema.optional(),
});
export type DeclareInput = z.input<typeof declareSchema>;

const fmt = readableUtc;

/** Declare the incident: writes meta and the first timeline entry. The doc must be empty. */
export const declareIncident = (doc: Y.Doc, ctx: OpContext, input: DeclareInput): void => {
  const data = parseOrThrow(declareSchema, input, 'Declare incident');
  if (readMeta(doc)) throw new DomainError('already_declared', 'This incident has already been declared.');
  const now = happenedAt(ctx);
  const lifecycle: Lifecycle = { started: data.startedAt, detected: data.detectedAt, declared: now };
  for (const k of Object.keys(lifecycle) as LifecycleMilestone[]) if (lifecycle[k] === undefined) delete lifecycle[k];
  assertLifecycleOrder(lifecycle, ctx.describeTime);
  doc.transact(() => {
    const meta = metaOf(doc);
    meta.set(META_KEYS.schemaVersion, SCHEMA_VERSION);
    meta.set(META_KEYS.id, doc.guid);
    meta.set(META_KEYS.title, data.title);
    meta.set(META_KEYS.severity, data.severity);
    meta.set(META_KEYS.status, 'investigating');
    meta.set(META_KEYS.drill, data.drill);
    meta.set(META_KEYS.summary, data.summary);
    meta.set(META_KEYS.impact, '');
    meta.set(META_KEYS.createdBy, { ...ctx.actor });
    for (const [m, t] of Object.entries(lifecycle)) meta.set(lifecycleKey(m), t);
    appendEntry(doc, ctx, {
      kind: 'status_change',
      text: `${data.drill ? 'Drill declared' : 'Incident declared'}: ${data.severity} — ${data.title}`,
      occurredAt: now,
    });
  }, LOCAL_ORIGIN);
};

export const setTitle = (doc: Y.Doc, ctx: OpContext, title: string): void => {
  const next = parseOrThrow(titleSchema, title, 'Title');
  const meta = requireDeclared(doc);
  const prev = meta.get(META_KEYS.title);
  if (prev === next) return;
  doc.transact(() => {
    meta.set(META_KEYS.title, next);
    appendEntry(doc, ctx, { kind: 'lifecycle', text: `Title changed from “${String(prev)}” to “${next}”`, occurredAt: happenedAt(ctx) });
  }, LOCAL_ORIGIN);
};

export const setSeverity = (doc: Y.Doc, ctx: OpContext, severity: Severity): void => {
  const next = parseOrThrow(severitySchema, severity, 'Severity');
  const meta = requireDeclared(doc);
  const prev = meta.get(META_KEYS.severity);
  if (prev === next) return;
  doc.transact(() => {
    meta.set(META_KEYS.severity, next);
    appendEntry(doc, ctx, { kind: 'severity_change', text: `Severity ${String(prev)} → ${next}`, occurredAt: happenedAt(ctx) });
  }, LOCAL_ORIGIN);
};

/**
 * Move the incident to a status, recording the lifecycle milestone it reaches.
 * Moving back is allowed (incidents regress) and clears milestones that no longer hold;
 * the timeline entry keeps what they were.
 */
export const setStatus = (doc: Y.Doc, ctx: OpContext, status: Status, at?: number): void => {
  const next = parseOrThrow(statusSchema, status, 'Status');
  const when = at === undefined ? happenedAt(ctx) : parseOrThrow(timestampSchema, at, 'Status time');
  const meta = requireDeclared(doc);
  const prev = readMeta(doc)!.status;
  if (prev === next) return;
  const lifecycle = readLifecycle(meta);
  const patch = lifecyclePatchForStatus(lifecycle, prev, next, when, at !== undefined || ctx.happenedAt !== undefined);
  assertLifecycleOrder(applyLifecyclePatch(lifecycle, patch), ctx.describeTime);
  const cleared = patch.clear.map((m) => `${milestoneWords(m)} was ${fmt(lifecycle[m]!)}`);
  const fellBack = patch.fellBack.map(({ milestone, from }) => `${milestoneWords(milestone)} set to ${milestoneWords(from)}'s time, since now would be after ${milestoneWords(laterThan(applyLifecyclePatch(lifecycle, patch), milestone, when))}`);
  const text =
    `Status ${prev} → ${next}` +
    (isRegression(prev, next) ? ' (moved back)' : '') +
    (cleared.length > 0 ? `; cleared ${cleared.join(', ')}` : '') +
    (fellBack.length > 0 ? `; ${fellBack.join('; ')}` : '');
  doc.transact(() => {
    meta.set(META_KEYS.status, next);
    for (const [m, t] of Object.entries(patch.set)) meta.set(lifecycleKey(m), t);
    for (const m of patch.clear) meta.delete(lifecycleKey(m));
    appendEntry(doc, ctx, { kind: 'status_change', text, occurredAt: when });
  }, LOCAL_ORIGIN);
};

/** The first milestone after `m` that is earlier than `t`: why an automatic stamp fell back. */
const laterThan = (lifecycle: Lifecycle, m: LifecycleMilestone, t: number): LifecycleMilestone =>
  LIFECYCLE_MILESTONES.slice(LIFECYCLE_MILESTONES.indexOf(m) + 1).find((x) => lifecycle[x] !== undefined && lifecycle[x]! < t) ?? m;

/** Set or clear one lifecycle timestamp by hand (e.g. "started" read off a graph afterwards). */
export const setLifecycleTimestamp = (
  doc: Y.Doc,
  ctx: OpContext,
  milestone: LifecycleMilestone,
  at: number | null,
): void => {
  const m = parseOrThrow(milestoneSchema, milestone, 'Milestone');
  const when = at === null ? null : parseOrThrow(timestampSchema, at, `Time for "${m}"`);
  const meta = requireDeclared(doc);
  const lifecycle = readLifecycle(meta);
  if (m === 'declared' && when === null) throw new DomainError('invalid_input', 'The declared time cannot be cleared.');
  if ((lifecycle[m] ?? null) === when) return;
  const next = { ...lifecycle };
  if (when === null) delete next[m];
  else next[m] = when;
  assertLifecycleOrder(next, ctx.describeTime);
  doc.transact(() => {
    if (when === null) meta.delete(lifecycleKey(m));
    else meta.set(lifecycleKey(m), when);
    appendEntry(doc, ctx, {
      kind: 'lifecycle',
      text: when === null ? `Cleared the ${milestoneWords(m)} time` : `Set the ${milestoneWords(m)} time to ${fmt(when)}`,
      occurredAt: ctx.now(),
    });
  }, LOCAL_ORIGIN);
};

/** A drill (game day) is run like a real incident but kept out of metrics. */
export const setDrill = (doc: Y.Doc, ctx: OpContext, drill: boolean): void => {
  const next = parseOrThrow(z.boolean(), drill, 'Drill flag');
  const meta = requireDeclared(doc);
  if (meta.get(META_KEYS.drill) === next) return;
  doc.transact(() => {
    meta.set(META_KEYS.drill, next);
    appendEntry(doc, ctx, {
      kind: 'drill',
      text: next ? 'Marked as a drill: left out of metrics' : 'No longer a drill: counted in metrics',
      occurredAt: happenedAt(ctx),
    });
  }, LOCAL_ORIGIN);
};

/** Summary and impact are free text for the postmortem; not logged to the timeline. */
export const setSummaryFields = (doc: Y.Doc, _ctx: OpContext, fields: { summary?: string; impact?: string }): void => {
  const data = parseOrThrow(
    z.object({ summary: optionalTextSchema.optional(), impact: optionalTextSchema.optional() }),
    fields,
    'Summary',
  );
  const meta = requireDeclared(doc);
  doc.transact(() => {
    if (data.summary !== undefined) meta.set(META_KEYS.summary, data.summary);
    if (data.impact !== undefined) meta.set(META_KEYS.impact, data.impact);
  }, LOCAL_ORIGIN);
};
