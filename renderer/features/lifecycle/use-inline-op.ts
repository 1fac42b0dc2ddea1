import { useCallback } from 'react';
import type * as Y from 'yjs';
import type { OpContext } from '@shared/core/context';
import type { IncidentHandle } from '../../data/incident-registry';
import { useIncidentOpContext } from '../../data/use-profile';
import { errorMessage } from '../../data/use-run-op';

/**
 * Run a domain operation from a form. A refusal comes back as its message, for
 * the form to show beside the field (rather than as a notice far from it); null
 * means it is in the document. As with useRunOp, the disk write is not awaited:
 * the save indicator reports it, and a failed write keeps the change for the retry.
 */
export const useInlineOp = (handle: IncidentHandle) => {
  const ctx = useIncidentOpContext(handle.id);
  return useCallback(
    (op: (doc: Y.Doc, ctx: OpContext) => void): string | null => {
      try {
        op(handle.doc, ctx);
      } catch (e) {
        return errorMessage(e);
      }
      return null;
    },
    [handle, ctx],
  );
};
