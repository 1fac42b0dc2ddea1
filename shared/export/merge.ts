import * as Y from 'yjs';
import { IMPORT_ORIGIN } from '../core/origins';
import { appendJsonToFragment, fragmentToJson } from '../postmortem/fragment-json';
import { isBlankDoc } from '../postmortem/pm-json';
import { META_KEYS, actionsOf, metaOf, postmortemOf, rolesOf, runbookOf, timelineOf, updatesOf } from '../schema/incident-doc';
import { actionMap, appendAll, entryMap, stepMap, updateValue } from './doc-from-export';
import type { IncidentExport } from './json-schema';

const idsIn = <T>(arr: Y.Array<T>): Set<unknown> =>
  new Set((arr.toArray() as unknown[]).map((v) => (v instanceof Y.Map ? v.get('id') : typeof v === 'object' && v !== null ? (v as { id?: unknown }).id : undefined)));

export interface MergeCounts {
  entries: number;
  steps: number;
  actions: number;
  updates: number;
  roles: number;
  postmortem: boolean;
}

/**
 * Merge a JSON export into the same incident already on this device. JSON has
 * no CRDT history, so this is a union by id that never changes what is here:
 * entries, steps, action items and updates this device lacks are appended,
 * unheld roles and empty summary/impact are filled, and the postmortem is taken
 * only if ours is blank. The Yjs export is the way to merge edits faithfully.
 */
export const mergeExportInto = (doc: Y.Doc, data: IncidentExport): MergeCounts => {
  const counts: MergeCounts = { entries: 0, steps: 0, actions: 0, updates: 0, roles: 0, postmortem: false };
  const { incident } = data;
  doc.transact(() => {
    const missing = <A, T extends { id: string }>(arr: Y.Array<A>, items: T[]): T[] => {
      const have = idsIn(arr);
      return items.filter((i) => !have.has(i.id));
    };
    const entries = missing(timelineOf(doc), incident.timeline);
    appendAll(timelineOf(doc), entries.map(entryMap));
    const steps = missing(runbookOf(doc), incident.runbook);
    appendAll(runbookOf(doc), steps.map(stepMap));
    const actions = missing(actionsOf(doc), incident.actions);
    appendAll(actionsOf(doc), actions.map(actionMap));
    const updates = missing(updatesOf(doc), incident.updates);
    appendAll(updatesOf(doc), updates.map(updateValue));
    Object.assign(counts, { entries: entries.length, steps: steps.length, actions: actions.length, updates: updates.length });

    for (const r of incident.roles) {
      if (rolesOf(doc).has(r.role)) continue;
      rolesOf(doc).set(r.role, { ...r, holder: { ...r.holder }, assignedBy: { ...r.assignedBy } });
      counts.roles += 1;
    }
    const meta = metaOf(doc);
    for (const key of [META_KEYS.summary, META_KEYS.impact] as const) {
      const current = meta.get(key);
      const incoming = incident.meta[key];
      if ((typeof current !== 'string' || current.trim() === '') && incoming.trim() !== '') meta.set(key, incoming);
    }
    const fragment = postmortemOf(doc);
    if (isBlankDoc(fragmentToJson(fragment)) && !isBlankDoc(data.postmortem)) {
      fragment.delete(0, fragment.length);
      appendJsonToFragment(fragment, data.postmortem);
      counts.postmortem = true;
    }
  }, IMPORT_ORIGIN);
  return counts;
};
