import type * as Y from 'yjs';
import type { RoleAssignment, RunbookStep, StakeholderUpdate, SubjectExpert, TimelineEntry, ActionItem } from './types';
import { actionsRecord } from './records/actions';
import { expertsRecord } from './records/experts';
import { rolesRecord } from './records/roles';
import { runbookRecord } from './records/runbook';
import { timelineRecord } from './records/timeline';
import { updatesRecord } from './records/updates';

/*
 * Projections from the Yjs document to plain data, for the UI and the
 * operations. Each comes from its record type (./records/): a peer can send
 * anything, so every reader validates with the record's schema and sets aside
 * what does not fit instead of throwing: one malformed entry must never blank
 * the whole war room.
 */

export { readMeta, readLifecycle } from './records/meta';
export { readEntry, parseEntry } from './records/timeline';
export { readStep, readOrderedSteps, type OrderedStep } from './records/runbook';
export { readAction } from './records/actions';
export { readIncident, readIncidentWithReport, type IncidentSnapshot } from './records';

export const readTimeline = (doc: Y.Doc): TimelineEntry[] => timelineRecord.read(doc).value;
export const readRoles = (doc: Y.Doc): RoleAssignment[] => rolesRecord.read(doc).value;
/** The subject-matter experts, one per device, oldest first. */
export const readExperts = (doc: Y.Doc): SubjectExpert[] => expertsRecord.read(doc).value;
export const readRunbook = (doc: Y.Doc): RunbookStep[] => runbookRecord.read(doc).value;
export const readActions = (doc: Y.Doc): ActionItem[] => actionsRecord.read(doc).value;
export const readUpdates = (doc: Y.Doc): StakeholderUpdate[] => updatesRecord.read(doc).value;
