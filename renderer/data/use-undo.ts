import { useCallback } from 'react';
import { undoJournalFor } from '@shared/domain/undo/journal';
import { useAppStore } from '../store/app-store';
import type { IncidentHandle } from './incident-registry';
import { useOpContext } from './use-profile';
import { errorMessage } from './use-run-op';

/**
 * Undo and redo this user's own changes to the incident, as new logged
 * changes (see UndoJournal): the notice says what was taken back, or why it
 * could not be. Like any edit, the result is saved and synced.
 */
export const useUndo = (handle: IncidentHandle) => {
  const pushNotice = useAppStore((s) => s.pushNotice);
  const ctx = useOpContext();
  const step = useCallback(
    (direction: 'undo' | 'redo') => {
      const journal = undoJournalFor(handle.doc);
      const outcome = direction === 'undo' ? journal.undo(ctx) : journal.redo(ctx);
      if (outcome === null) {
        pushNotice('info', direction === 'undo' ? 'Nothing of yours to undo.' : 'Nothing to redo.');
        return;
      }
      pushNotice(outcome.ok ? 'info' : 'error', outcome.ok ? outcome.label : outcome.message);
      if (outcome.ok) handle.persistence.whenSaved().catch((e: unknown) => pushNotice('error', errorMessage(e)));
    },
    [handle, ctx, pushNotice],
  );
  return { undo: useCallback(() => step('undo'), [step]), redo: useCallback(() => step('redo'), [step]) };
};
