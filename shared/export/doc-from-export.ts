import * as Y from 'yjs';
import { IMPORT_ORIGIN } from '../core/origins';
import { appendJsonToFragment } from '../postmortem/fragment-json';
import { ENTRY_KEYS, META_KEYS, SCHEMA_VERSION, actionsOf, createIncidentDoc, lifecycleKey, metaOf, postmortemOf, rolesOf, runbookOf, timelineOf, updatesOf } from '../schema/incident-doc';
import type { ActionItem, RunbookStep, StakeholderUpdate, TimelineEntry } from '../schema/types';
import type { IncidentExport } from './json-schema';

/*
 * Writers that lay validated plain data out as the documented Yjs layout, used
 * by JSON import. Each must run inside a transaction (IMPORT_ORIGIN).
 */

const mapOf = (fields: Record<string, unknown>): Y.Map<unknown> => {
  const m = new Y.Map<unknown>();
  for (const [k, v] of Object.entries(fields)) m.set(k, v);
  return m;
};

export const entryMap = (e: TimelineEntry): Y.Map<unknown> => {
  const m = mapOf({
    [ENTRY_KEYS.id]: e.id,
    [ENTRY_KEYS.kind]: e.kind,
    [ENTRY_KEYS.text]: e.text,
    [ENTRY_KEYS.author]: { ...e.author },
    [ENTRY_KEYS.occurredAt]: e.occurredAt,
    [ENTRY_KEYS.recordedAt]: e.recordedAt,
    [ENTRY_KEYS.clock]: e.clock,
    [ENTRY_KEYS.pinned]: e.pinned,
    [ENTRY_KEYS.retracted]: e.retracted ? { ...e.retracted, by: { ...e.retracted.by } } : null,
  });
  const edits = new Y.Array<unknown>();
  m.set(ENTRY_KEYS.edits, edits);
  edits.insert(0, e.edits.map((x) => ({ ...x, editedBy: { ...x.editedBy } })));
  return m;
};

export const stepMap = (s: RunbookStep): Y.Map<unknown> => mapOf({ ...s, doneBy: s.doneBy ? { ...s.doneBy } : null });
export const actionMap = (a: ActionItem): Y.Map<unknown> => mapOf({ ...a, createdBy: { ...a.createdBy } });
export const updateValue = (u: StakeholderUpdate): unknown => ({ ...u, postedBy: { ...u.postedBy } });

export const appendAll = <T>(arr: Y.Array<T>, items: T[]): void => {
  if (items.length > 0) arr.insert(arr.length, items);
};

/** A brand-new document holding the export; its guid is the incident id. */
export const docFromExport = (data: IncidentExport): Y.Doc => {
  const { meta, roles, timeline, runbook, actions, updates } = data.incident;
  const doc = createIncidentDoc(meta.id);
  doc.transact(() => {
    const m = metaOf(doc);
    m.set(META_KEYS.schemaVersion, SCHEMA_VERSION);
    m.set(META_KEYS.id, meta.id);
    m.set(META_KEYS.title, meta.title);
    m.set(META_KEYS.severity, meta.severity);
    m.set(META_KEYS.status, meta.status);
    m.set(META_KEYS.drill, meta.drill);
    m.set(META_KEYS.summary, meta.summary);
    m.set(META_KEYS.impact, meta.impact);
    m.set(META_KEYS.createdBy, { ...meta.createdBy });
    for (const [milestone, t] of Object.entries(meta.lifecycle)) if (t !== undefined) m.set(lifecycleKey(milestone), t);
    for (const r of roles) rolesOf(doc).set(r.role, { ...r, holder: { ...r.holder }, assignedBy: { ...r.assignedBy } });
    appendAll(timelineOf(doc), timeline.map(entryMap));
    appendAll(runbookOf(doc), runbook.map(stepMap));
    appendAll(actionsOf(doc), actions.map(actionMap));
    appendAll(updatesOf(doc), updates.map(updateValue));
    appendJsonToFragment(postmortemOf(doc), data.postmortem);
  }, IMPORT_ORIGIN);
  return doc;
};
