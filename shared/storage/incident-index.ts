import * as Y from 'yjs';
import { readMeta, readRoles } from '../schema/read-model';
import { timelineOf } from '../schema/incident-doc';
import { ENTRY_KEYS } from '../schema/records/timeline';
import type { IncidentRow } from './database';
import { searchTextOf } from './incident-search';

/** Entry texts straight from the Yjs array: no sorting or full projection on every save. */
function* timelineTexts(doc: Y.Doc): Generator<string> {
  for (const m of timelineOf(doc)) {
    const text = m instanceof Y.Map ? m.get(ENTRY_KEYS.text) : undefined;
    if (typeof text === 'string') yield text;
  }
}

/** The incident-list row for a document, or null before it is declared. */
export const indexRowFromDoc = (doc: Y.Doc, updatedAt: number): IncidentRow | null => {
  const meta = readMeta(doc);
  if (!meta) return null;
  const commander = readRoles(doc).find((r) => r.role === 'commander')?.holder.name ?? null;
  return {
    id: meta.id,
    title: meta.title,
    severity: meta.severity,
    status: meta.status,
    drill: meta.drill,
    declaredAt: meta.lifecycle.declared ?? updatedAt,
    resolvedAt: meta.lifecycle.resolved ?? null,
    updatedAt,
    commander,
    lifecycle: meta.lifecycle,
    searchText: searchTextOf(timelineTexts(doc)),
  };
};
