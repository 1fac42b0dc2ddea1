import type * as Y from 'yjs';
import { readMeta, readRoles } from '../schema/read-model';
import type { IncidentRow } from './database';
import { TimelineWords } from './timeline-words';

/**
 * The incident-list row for a document, or null before it is declared.
 * `searchText` defaults to a scan of the whole timeline; a document kept open
 * passes its incremental index's text instead (TimelineWordsIndex).
 */
export const indexRowFromDoc = (doc: Y.Doc, updatedAt: number, searchText?: () => string): IncidentRow | null => {
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
    searchText: searchText ? searchText() : TimelineWords.scan(doc).text(),
  };
};
