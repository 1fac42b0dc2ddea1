import { useCallback } from 'react';
import { useAppStore } from '../store/app-store';
import type { IncidentHandle } from './incident-registry';
import { undoManagerFor } from './undo';
import { errorMessage } from './use-run-op';

/**
 * Undo and redo this user's own changes to the incident. Like any edit, the
 * result is persisted and synced; a failed save is reported.
 */
export const useUndo = (handle: IncidentHandle) => {
  const pushNotice = useAppStore((s) => s.pushNotice);
  const step = useCallback(
    (direction: 'undo' | 'redo') => {
      const manager = undoManagerFor(handle.doc);
      if (direction === 'undo' ? !manager.canUndo() : !manager.canRedo()) return;
      if (direction === 'undo') manager.undo();
      else manager.redo();
      handle.persistence.whenSaved().catch((e: unknown) => pushNotice('error', errorMessage(e)));
    },
    [handle, pushNotice],
  );
  return { undo: useCallback(() => step('undo'), [step]), redo: useCallback(() => step('redo'), [step]) };
};
