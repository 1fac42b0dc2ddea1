import { useMemo } from 'react';
import { editEntry, retractEntry, setPinned } from '@shared/domain/timeline/timeline-ops';
import type { TimelineEntry } from '@shared/schema/types';
import type { IncidentHandle } from '../../data/incident-registry';
import { useRunOp } from '../../data/use-run-op';

/** What a row can do to its entry; each returns whether it is in the document (false: refused, with a notice). */
export interface EntryCommands {
  togglePin: (e: TimelineEntry) => boolean;
  edit: (e: TimelineEntry, change: { text?: string; occurredAt?: number }) => boolean;
  retract: (e: TimelineEntry, reason: string) => boolean;
}

export const useEntryCommands = (handle: IncidentHandle): EntryCommands => {
  const runOp = useRunOp(handle);
  return useMemo(
    () => ({
      togglePin: (e) => (runOp((doc, ctx) => setPinned(doc, ctx, e.id, !e.pinned))).ok,
      edit: (e, change) => (runOp((doc, ctx) => editEntry(doc, ctx, { id: e.id, ...change }))).ok,
      retract: (e, reason) => (runOp((doc, ctx) => retractEntry(doc, ctx, e.id, reason))).ok,
    }),
    [runOp],
  );
};
