import * as Y from 'yjs';

/**
 * The one place that names the top-level types of an incident document.
 * Nothing else in the code base calls `doc.getMap` / `doc.getArray` with a string.
 *
 * Every container is top level on purpose: Yjs merges top-level types by name,
 * so two peers that each touch `meta` before syncing still converge. Nested
 * containers only ever live inside array elements (one per entry / step), which
 * are created by a single insert and therefore cannot be duplicated.
 *
 * What each holds is declared once, per record type, in ./records/.
 */
export const TOP_LEVEL = {
  meta: 'meta',
  roles: 'roles',
  timeline: 'timeline',
  runbook: 'runbook',
  actions: 'actions',
  updates: 'updates',
  postmortem: 'postmortem',
  evidence: 'evidence',
  periods: 'periods',
} as const;
export type TopLevelName = keyof typeof TOP_LEVEL;

/** Version of this layout; stored in meta so a reader can refuse a newer one. */
export const SCHEMA_VERSION = 1;

export type YEntry = Y.Map<unknown>;

export const metaOf = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(TOP_LEVEL.meta);
/** role → RoleAssignment, and `sme:<deviceId>` → expert (plain objects). */
export const rolesOf = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(TOP_LEVEL.roles);
/** Y.Map per entry; see records/timeline.ts. */
export const timelineOf = (doc: Y.Doc): Y.Array<YEntry> => doc.getArray(TOP_LEVEL.timeline);
/** Y.Map per step; see records/runbook.ts. */
export const runbookOf = (doc: Y.Doc): Y.Array<YEntry> => doc.getArray(TOP_LEVEL.runbook);
/** Y.Map per action item; see records/actions.ts. */
export const actionsOf = (doc: Y.Doc): Y.Array<YEntry> => doc.getArray(TOP_LEVEL.actions);
/** Plain objects; see records/updates.ts. Posted updates never change. */
export const updatesOf = (doc: Y.Doc): Y.Array<unknown> => doc.getArray(TOP_LEVEL.updates);
/** Y.Map per operational period; see records/periods.ts. */
export const periodsOf = (doc: Y.Doc): Y.Array<YEntry> => doc.getArray(TOP_LEVEL.periods);
/** Collaborative rich text of the postmortem (ProseMirror via y-prosemirror). */
export const postmortemOf = (doc: Y.Doc): Y.XmlFragment => doc.getXmlFragment(TOP_LEVEL.postmortem);
/** Signed statements about the timeline, one per change; see records/evidence.ts. */
export const evidenceOf = (doc: Y.Doc): Y.Array<unknown> => doc.getArray(TOP_LEVEL.evidence);

/**
 * Every top-level type, with its accessor: what undo, the version counters and
 * the debug hook iterate. `satisfies` makes a new name in TOP_LEVEL a compile
 * error here until it has its accessor.
 */
export const TOP_LEVEL_TYPES = {
  meta: metaOf,
  roles: rolesOf,
  timeline: timelineOf,
  runbook: runbookOf,
  actions: actionsOf,
  updates: updatesOf,
  postmortem: postmortemOf,
  evidence: evidenceOf,
  periods: periodsOf,
} as const satisfies Record<TopLevelName, (doc: Y.Doc) => Y.Map<unknown> | Y.Array<YEntry> | Y.Array<unknown> | Y.XmlFragment>;

export const TOP_LEVEL_NAMES = Object.keys(TOP_LEVEL_TYPES) as TopLevelName[];

/** Create an empty incident document. The guid is the incident id. */
export const createIncidentDoc = (incidentId: string): Y.Doc => new Y.Doc({ guid: incidentId, gc: true });
