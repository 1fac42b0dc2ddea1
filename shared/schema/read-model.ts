import * as Y from 'yjs';
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
  type ActionItem,
  type Actor,
  type EntryEdit,
  type IncidentMeta,
  type IncidentSnapshot,
  type Lifecycle,
  type Retraction,
  type RoleAssignment,
  type RunbookStep,
  type StakeholderUpdate,
  type SubjectExpert,
  type TimelineEntry,
} from './types';
import {
  ENTRY_KEYS,
  EXPERT_KEY_PREFIX,
  META_KEYS,
  STEP_KEYS,
  actionsOf,
  lifecycleKey,
  metaOf,
  rolesOf,
  runbookOf,
  timelineOf,
  updatesOf,
} from './incident-doc';
import { sortEntries } from '../domain/timeline/timeline-order';
import { orderKeyOf, sortStepSlots } from './step-order';

/*
 * Projections from the Yjs document to plain data. A peer can send anything,
 * so every reader checks shapes and drops what does not fit instead of throwing:
 * one malformed entry must never blank the whole war room.
 */

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown, fallback = ''): string => (typeof v === 'string' ? v : fallback);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const oneOf = <T extends string>(values: readonly T[], v: unknown): T | null =>
  typeof v === 'string' && (values as readonly string[]).includes(v) ? (v as T) : null;

export const readActor = (v: unknown): Actor | null =>
  isObject(v) && typeof v.name === 'string' && typeof v.deviceId === 'string' ? { name: v.name, deviceId: v.deviceId } : null;

const UNKNOWN_ACTOR: Actor = { name: 'unknown', deviceId: 'unknown' };

export const readLifecycle = (meta: Y.Map<unknown>): Lifecycle => {
  const out: Lifecycle = {};
  for (const m of LIFECYCLE_MILESTONES) {
    const v = num(meta.get(lifecycleKey(m)));
    if (v !== null) out[m] = v;
  }
  return out;
};

/** Null until the incident has been declared (or synced from the peer that declared it). */
export const readMeta = (doc: Y.Doc): IncidentMeta | null => {
  const meta = metaOf(doc);
  const id = meta.get(META_KEYS.id);
  if (typeof id !== 'string') return null;
  return {
    id,
    title: str(meta.get(META_KEYS.title), '(untitled)'),
    severity: oneOf(SEVERITIES, meta.get(META_KEYS.severity)) ?? 'SEV3',
    status: oneOf(STATUSES, meta.get(META_KEYS.status)) ?? 'investigating',
    drill: meta.get(META_KEYS.drill) === true,
    summary: str(meta.get(META_KEYS.summary)),
    impact: str(meta.get(META_KEYS.impact)),
    lifecycle: readLifecycle(meta),
    createdBy: readActor(meta.get(META_KEYS.createdBy)) ?? UNKNOWN_ACTOR,
  };
};

const readEdit = (v: unknown): EntryEdit | null => {
  if (!isObject(v)) return null;
  const editedAt = num(v.editedAt);
  const occurredAt = num(v.occurredAt);
  const editedBy = readActor(v.editedBy);
  if (editedAt === null || occurredAt === null || !editedBy || typeof v.text !== 'string') return null;
  return { text: v.text, occurredAt, editedAt, editedBy };
};

const readRetraction = (v: unknown): Retraction | null => {
  if (!isObject(v)) return null;
  const at = num(v.at);
  const by = readActor(v.by);
  return at !== null && by ? { at, by, reason: str(v.reason) } : null;
};

export const readEntry = (m: unknown): TimelineEntry | null => {
  if (!(m instanceof Y.Map)) return null;
  const id = m.get(ENTRY_KEYS.id);
  const kind = oneOf(ENTRY_KINDS, m.get(ENTRY_KEYS.kind));
  const author = readActor(m.get(ENTRY_KEYS.author));
  const occurredAt = num(m.get(ENTRY_KEYS.occurredAt));
  const recordedAt = num(m.get(ENTRY_KEYS.recordedAt));
  const clock = num(m.get(ENTRY_KEYS.clock));
  const text = m.get(ENTRY_KEYS.text);
  if (typeof id !== 'string' || !kind || !author || occurredAt === null || recordedAt === null || clock === null) return null;
  if (typeof text !== 'string') return null;
  const editsY = m.get(ENTRY_KEYS.edits);
  const edits = editsY instanceof Y.Array ? editsY.toArray().map(readEdit).filter((e): e is EntryEdit => e !== null) : [];
  return {
    id,
    kind,
    text,
    author,
    occurredAt,
    recordedAt,
    clock,
    pinned: m.get(ENTRY_KEYS.pinned) === true,
    retracted: readRetraction(m.get(ENTRY_KEYS.retracted)),
    edits,
  };
};

export const readTimeline = (doc: Y.Doc): TimelineEntry[] =>
  sortEntries(
    timelineOf(doc)
      .toArray()
      .map(readEntry)
      .filter((e): e is TimelineEntry => e !== null),
  );

export const readRoles = (doc: Y.Doc): RoleAssignment[] => {
  const out: RoleAssignment[] = [];
  for (const role of ROLES) {
    const v = rolesOf(doc).get(role);
    if (!isObject(v)) continue;
    const holder = readActor(v.holder);
    const assignedBy = readActor(v.assignedBy);
    const assignedAt = num(v.assignedAt);
    if (holder && assignedBy && assignedAt !== null) out.push({ role, holder, assignedAt, assignedBy });
  }
  return out;
};

const readExpert = (v: unknown): SubjectExpert | null => {
  if (!isObject(v)) return null;
  const holder = readActor(v.holder);
  const assignedBy = readActor(v.assignedBy);
  const assignedAt = num(v.assignedAt);
  return holder && assignedBy && assignedAt !== null ? { holder, area: str(v.area), assignedAt, assignedBy } : null;
};

/**
 * The subject-matter experts: every `sme:<deviceId>` key of the roles map, plus
 * the single `sme` role of older documents; one per device, oldest first.
 */
export const readExperts = (doc: Y.Doc): SubjectExpert[] => {
  const roles = rolesOf(doc);
  const out = new Map<string, SubjectExpert>();
  for (const [key, v] of roles.entries()) {
    if (!key.startsWith(EXPERT_KEY_PREFIX)) continue;
    const e = readExpert(v);
    if (e && key === EXPERT_KEY_PREFIX + e.holder.deviceId) out.set(e.holder.deviceId, e);
  }
  const legacy = readExpert(roles.get('sme'));
  if (legacy && !out.has(legacy.holder.deviceId)) out.set(legacy.holder.deviceId, legacy);
  return [...out.values()].sort(
    (a, b) => a.assignedAt - b.assignedAt || (a.holder.deviceId < b.holder.deviceId ? -1 : a.holder.deviceId > b.holder.deviceId ? 1 : 0),
  );
};

export const readStep = (m: unknown): RunbookStep | null => {
  if (!(m instanceof Y.Map)) return null;
  const id = m.get(STEP_KEYS.id);
  const title = m.get(STEP_KEYS.title);
  const state = oneOf(STEP_STATES, m.get(STEP_KEYS.state));
  if (typeof id !== 'string' || typeof title !== 'string' || !state) return null;
  const assignee = m.get(STEP_KEYS.assignee);
  const skipReason = m.get(STEP_KEYS.skipReason);
  const rollback = m.get(STEP_KEYS.rollback);
  const step: RunbookStep = {
    id,
    title,
    detail: str(m.get(STEP_KEYS.detail)),
    assignee: typeof assignee === 'string' ? assignee : null,
    state,
    skipReason: typeof skipReason === 'string' ? skipReason : null,
    doneBy: readActor(m.get(STEP_KEYS.doneBy)),
    doneAt: num(m.get(STEP_KEYS.doneAt)),
  };
  // Optional fields appear only when set, so steps written before they existed read the same.
  if (m.get(STEP_KEYS.risky) === true) step.risky = true;
  if (typeof rollback === 'string' && rollback !== '') step.rollback = rollback;
  return step;
};

export interface OrderedStep {
  map: Y.Map<unknown>;
  step: RunbookStep;
  /** Its valid order key, or null (see STEP_KEYS). */
  order: string | null;
}

/** Readable steps in display order (see sortStepSlots), with the maps that hold them. */
export const readOrderedSteps = (doc: Y.Doc): OrderedStep[] =>
  sortStepSlots(
    runbookOf(doc)
      .toArray()
      .flatMap((map, index) => {
        const step = readStep(map);
        return step ? [{ id: step.id, index, map, step, order: orderKeyOf(map.get(STEP_KEYS.order)) }] : [];
      }),
  ).map(({ map, step, order }) => ({ map, step, order }));

export const readRunbook = (doc: Y.Doc): RunbookStep[] => readOrderedSteps(doc).map((s) => s.step);

export const readAction = (m: unknown): ActionItem | null => {
  if (!(m instanceof Y.Map)) return null;
  const id = m.get('id');
  const title = m.get('title');
  const createdAt = num(m.get('createdAt'));
  const createdBy = readActor(m.get('createdBy'));
  if (typeof id !== 'string' || typeof title !== 'string' || createdAt === null || !createdBy) return null;
  return {
    id,
    title,
    owner: str(m.get('owner')),
    due: str(m.get('due')),
    priority: oneOf(ACTION_PRIORITIES, m.get('priority')) ?? 'P3',
    type: oneOf(ACTION_TYPES, m.get('type')) ?? 'prevent',
    status: oneOf(ACTION_STATUSES, m.get('status')) ?? 'open',
    createdAt,
    createdBy,
  };
};

export const readActions = (doc: Y.Doc): ActionItem[] =>
  actionsOf(doc)
    .toArray()
    .map(readAction)
    .filter((a): a is ActionItem => a !== null);

export const readUpdates = (doc: Y.Doc): StakeholderUpdate[] =>
  updatesOf(doc)
    .toArray()
    .flatMap((v): StakeholderUpdate[] => {
      if (!isObject(v)) return [];
      const status = oneOf(STATUSES, v.status);
      const postedAt = num(v.postedAt);
      const postedBy = readActor(v.postedBy);
      if (typeof v.id !== 'string' || !status || postedAt === null || !postedBy || typeof v.text !== 'string') return [];
      return [{ id: v.id, status, text: v.text, postedAt, postedBy }];
    });

export const readIncident = (doc: Y.Doc): IncidentSnapshot | null => {
  const meta = readMeta(doc);
  if (!meta) return null;
  return {
    meta,
    roles: readRoles(doc),
    timeline: readTimeline(doc),
    runbook: readRunbook(doc),
    actions: readActions(doc),
    updates: readUpdates(doc),
  };
};
