import { useMemo } from 'react';
import { editEntry, retractEntry, setPinned } from '@shared/domain/timeline-ops';
import type { TimelineEntry } from '@shared/schema/types';
import type { IncidentHandle } from '../../data/incident-registry';
import { useRunOp } from '../../data/use-run-op';

/** What a row can do to its entry; each resolves true once saved. */
export interface EntryCommands {
  togglePin: (e: TimelineEntry) => Promise<boolean>;
  edit: (e: TimelineEntry, change: { text?: string; occurredAt?: number }) => Promise<boolean>;
  retract: (e: TimelineEntry, reason: string) => Promise<boolean>;
}

export const useEntryCommands = (handle: IncidentHandle): EntryCommands => {
  const runOp = useRunOp(handle);
  return useMemo(
    () => ({
      togglePin: async (e) => (await runOp((doc, ctx) => setPinned(doc, ctx, e.id, !e.pinned))).ok,
      edit: async (e, change) => (await runOp((doc, ctx) => editEntry(doc, ctx, { id: e.id, ...change }))).ok,
      retract: async (e, reason) => (await runOp((doc, ctx) => retractEntry(doc, ctx, e.id, reason))).ok,
    }),
    [runOp],
  );
};
