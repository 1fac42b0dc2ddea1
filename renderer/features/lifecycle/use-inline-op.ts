import { useCallback } from 'react';
import type * as Y from 'yjs';
import type { OpContext } from '@shared/domain/context';
import type { IncidentHandle } from '../../data/incident-registry';
import { useOpContext } from '../../data/use-profile';
import { errorMessage } from '../../data/use-run-op';

/**
 * Run a domain operation from a form and wait until it is on disk. A refusal
 * comes back as its message, for the form to show beside the field (rather than
 * as a notice far from it); null means done. A failed save also shows in the
 * save indicator.
 */
export const useInlineOp = (handle: IncidentHandle) => {
  const ctx = useOpContext();
  return useCallback(
    async (op: (doc: Y.Doc, ctx: OpContext) => void): Promise<string | null> => {
      try {
        op(handle.doc, ctx);
      } catch (e) {
        return errorMessage(e);
      }
      try {
        await handle.persistence.whenSaved();
      } catch (e) {
        return errorMessage(e);
      }
      return null;
    },
    [handle, ctx],
  );
};
