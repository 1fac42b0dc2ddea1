import { useEffect, useMemo, useState } from 'react';
import type { IncidentRow } from '@shared/storage/database';
import { indexRowFromDoc } from '@shared/storage/incident-index';
import { useServices } from './services';

const lacksDetail = (r: IncidentRow) => r.lifecycle === undefined || r.searchText === undefined;

/**
 * Rows saved before the list carried lifecycle times and timeline words lack
 * them until their incident is next saved. When a view needs them (`enabled`),
 * open those documents, lazily and once, and compute the row in memory.
 * Nothing is written back: the incident's own persistence keeps the row.
 */
export const useFilledRows = (rows: IncidentRow[] | undefined, enabled: boolean): IncidentRow[] | undefined => {
  const { registry } = useServices();
  const [filled, setFilled] = useState<ReadonlyMap<string, IncidentRow>>(new Map());

  useEffect(() => {
    if (!enabled || !rows) return;
    let live = true;
    for (const r of rows) {
      if (!lacksDetail(r)) continue;
      // The registry opens each document once; asking again returns the same handle.
      registry.open(r.id).then(
        (h) => {
          const row = indexRowFromDoc(h.doc, r.updatedAt);
          if (live && row) setFilled((m) => new Map(m).set(r.id, row));
        },
        () => undefined,
      );
    }
    return () => {
      live = false;
    };
  }, [rows, enabled, registry]);

  return useMemo(() => rows?.map((r) => (lacksDetail(r) ? (filled.get(r.id) ?? r) : r)), [rows, filled]);
};
