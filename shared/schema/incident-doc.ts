import * as Y from 'yjs';

/**
 * The one place that names the top-level types of an incident document.
 * Nothing else in the code base calls `doc.getMap` / `doc.getArray` with a string.
 *
 * Every container is top level on purpose: Yjs merges top-level types by name,
 * so two peers that each touch `meta` before syncing still converge. Nested
 * containers only ever live inside array elements (one per entry / step), which
 * are created by a single insert and therefore cannot be duplicated.
 */
export const TOP_LEVEL = {
  meta: 'meta',
  roles: 'roles',
  timeline: 'timeline',
  runbook: 'runbook',
  actions: 'actions',
  updates: 'updates',
  postmortem: 'postmortem',
} as const;

/** Version of this layout; stored in meta so a reader can refuse a newer one. */
export const SCHEMA_VERSION = 1;

export type YEntry = Y.Map<unknown>;

export const metaOf = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(TOP_LEVEL.meta);
/** role → RoleAssignment (plain object). */
export const rolesOf = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(TOP_LEVEL.roles);
/** Y.Map per entry; see `TimelineEntry`. */
export const timelineOf = (doc: Y.Doc): Y.Array<YEntry> => doc.getArray(TOP_LEVEL.timeline);
/** Y.Map per step; see `RunbookStep`. */
export const runbookOf = (doc: Y.Doc): Y.Array<YEntry> => doc.getArray(TOP_LEVEL.runbook);
/** Y.Map per action item; see `ActionItem`. */
export const actionsOf = (doc: Y.Doc): Y.Array<YEntry> => doc.getArray(TOP_LEVEL.actions);
/** Plain objects; see `StakeholderUpdate`. Posted updates never change. */
export const updatesOf = (doc: Y.Doc): Y.Array<unknown> => doc.getArray(TOP_LEVEL.updates);
/** Collaborative rich text of the postmortem (ProseMirror via y-prosemirror). */
export const postmortemOf = (doc: Y.Doc): Y.XmlFragment => doc.getXmlFragment(TOP_LEVEL.postmortem);

/** Keys of the per-entry Y.Map. `edits` is a Y.Array created with the entry. */
export const ENTRY_KEYS = {
  id: 'id',
  kind: 'kind',
  text: 'text',
  author: 'author',
  occurredAt: 'occurredAt',
  recordedAt: 'recordedAt',
  clock: 'clock',
  pinned: 'pinned',
  retracted: 'retracted',
  edits: 'edits',
} as const;

/**
 * Keys of the per-step Y.Map. `order` is a fractional key (shared/domain/fractional-key.ts):
 * steps show sorted by it, so a move rewrites one field of one step and a
 * concurrent check of that step is never lost. Steps without a valid key (older
 * documents, JSON imports) follow the keyed ones, in array order.
 */
export const STEP_KEYS = {
  id: 'id',
  title: 'title',
  detail: 'detail',
  assignee: 'assignee',
  state: 'state',
  skipReason: 'skipReason',
  doneBy: 'doneBy',
  doneAt: 'doneAt',
  order: 'order',
  risky: 'risky',
  rollback: 'rollback',
} as const;

/**
 * Subject-matter experts are several people, so each has its own key in the
 * (top-level) roles map: `sme:<deviceId>` → `{ role: 'sme', holder, area,
 * assignedAt, assignedBy }`. Peers adding different experts at once write
 * different keys and both survive; the single `sme` key of older documents is
 * still read as one more expert.
 */
export const EXPERT_KEY_PREFIX = 'sme:';
export const expertKey = (deviceId: string): string => `${EXPERT_KEY_PREFIX}${deviceId}`;

/** Keys of the meta map. Lifecycle milestones are stored flat as `<milestone>At`. */
export const META_KEYS = {
  schemaVersion: 'schemaVersion',
  id: 'id',
  title: 'title',
  severity: 'severity',
  status: 'status',
  drill: 'drill',
  summary: 'summary',
  impact: 'impact',
  createdBy: 'createdBy',
} as const;

export const lifecycleKey = (milestone: string): string => `${milestone}At`;

/** Create an empty incident document. The guid is the incident id. */
export const createIncidentDoc = (incidentId: string): Y.Doc => new Y.Doc({ guid: incidentId, gc: true });
