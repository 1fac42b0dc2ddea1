import type * as Y from 'yjs';
import { readMeta, readRoles } from '../schema/read-model';
import type { IncidentRow } from './database';

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
  };
};
