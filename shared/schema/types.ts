/**
 * Plain-data view of an incident. The Yjs document is the source of truth;
 * these types describe what `readIncident` projects out of it, what the UI
 * renders and what JSON export writes.
 */

export const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4', 'SEV5'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const STATUSES = ['investigating', 'identified', 'monitoring', 'resolved', 'closed'] as const;
export type Status = (typeof STATUSES)[number];

/** Kinds a person types. */
export const AUTHORED_ENTRY_KINDS = ['observation', 'action', 'decision', 'status', 'comms', 'note'] as const;
/** Kinds the system writes when the incident itself changes. */
export const SYSTEM_ENTRY_KINDS = ['severity_change', 'status_change', 'role_change', 'runbook', 'lifecycle', 'drill', 'period'] as const;
export const ENTRY_KINDS = [...AUTHORED_ENTRY_KINDS, ...SYSTEM_ENTRY_KINDS] as const;
export type AuthoredEntryKind = (typeof AUTHORED_ENTRY_KINDS)[number];
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** In the order they must occur in time. */
export const LIFECYCLE_MILESTONES = [
  'started',
  'detected',
  'declared',
  'acknowledged',
  'mitigated',
  'resolved',
  'closed',
] as const;
export type LifecycleMilestone = (typeof LIFECYCLE_MILESTONES)[number];
/** Epoch milliseconds per milestone; a missing milestone is absent. */
export type Lifecycle = Partial<Record<LifecycleMilestone, number>>;

export const ROLES = ['commander', 'deputy', 'scribe', 'comms', 'ops', 'planning', 'sme'] as const;
export type Role = (typeof ROLES)[number];

/** Who did something: a display name plus the device that recorded it. */
export interface Actor {
  name: string;
  deviceId: string;
}

export interface IncidentMeta {
  id: string;
  title: string;
  severity: Severity;
  status: Status;
  drill: boolean;
  summary: string;
  impact: string;
  lifecycle: Lifecycle;
  createdBy: Actor;
}

export interface EntryEdit {
  text: string;
  occurredAt: number;
  editedAt: number;
  editedBy: Actor;
  /** The retraction this change lifted (undoing a retraction, redoing an entry): kept, so the record still shows it. */
  lifted?: Retraction;
}

export interface Retraction {
  at: number;
  by: Actor;
  reason: string;
}

export interface TimelineEntry {
  id: string;
  kind: EntryKind;
  text: string;
  author: Actor;
  /** When it happened; editable, defaults to when it was recorded. */
  occurredAt: number;
  /** The author's wall clock when the entry was typed. */
  recordedAt: number;
  /** Lamport clock: one more than the highest clock the author had seen. */
  clock: number;
  pinned: boolean;
  retracted: Retraction | null;
  /** Earlier versions, oldest first. */
  edits: EntryEdit[];
}

export interface RoleAssignment {
  role: Role;
  holder: Actor;
  assignedAt: number;
  assignedBy: Actor;
}

/** One of the subject-matter experts (the `sme` role holds several people, each for an area). */
export interface SubjectExpert {
  holder: Actor;
  /** The system they know, e.g. "Postgres"; may be empty. */
  area: string;
  assignedAt: number;
  assignedBy: Actor;
}

export const STEP_STATES = ['todo', 'done', 'skipped'] as const;
export type StepState = (typeof STEP_STATES)[number];

export interface RunbookStep {
  id: string;
  title: string;
  detail: string;
  assignee: string | null;
  state: StepState;
  skipReason: string | null;
  doneBy: Actor | null;
  doneAt: number | null;
  /** Present (true) only on a step that asks for confirmation before it is checked. */
  risky?: boolean;
  /** How to undo a risky step; present only when given. */
  rollback?: string;
  /** Its fractional order key (see records/runbook.ts); absent on steps of older documents. */
  order?: string;
  /** Present only on a step taken out of the plan: it stays in the document, with who, when and why. */
  removed?: StepRemoval;
}

/** A step that does not apply to this incident is removed, never deleted: restoring it brings it back as it was. */
export interface StepRemoval {
  by: Actor;
  at: number;
  reason: string;
}

export const ACTION_PRIORITIES = ['P1', 'P2', 'P3'] as const;
export type ActionPriority = (typeof ACTION_PRIORITIES)[number];
export const ACTION_STATUSES = ['open', 'in_progress', 'done', 'wont_do'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const ACTION_TYPES = ['mitigate', 'prevent', 'process'] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

export interface ActionItem {
  id: string;
  title: string;
  owner: string;
  /** ISO date (YYYY-MM-DD); empty only on items of older documents. */
  due: string;
  priority: ActionPriority;
  type: ActionType;
  status: ActionStatus;
  createdAt: number;
  createdBy: Actor;
}

export interface StakeholderUpdate {
  id: string;
  status: Status;
  text: string;
  postedAt: number;
  postedBy: Actor;
}

/** An operational period (a shift): see records/periods.ts. */
export interface OperationalPeriod {
  id: string;
  /** What this shift is to achieve. */
  goal: string;
  startedAt: number;
  startedBy: Actor;
  /** When the shift is planned to end (its handoff time). */
  plannedEndAt: number;
  endedAt: number | null;
  endedBy: Actor | null;
  /** The handoff brief as it was when the period ended. */
  brief: string | null;
  acknowledgedAt: number | null;
  acknowledgedBy: Actor | null;
}

/** The whole incident as plain data: one key per record type (see records/index.ts). */
export type { IncidentSnapshot } from './records';
