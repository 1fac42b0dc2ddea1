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
