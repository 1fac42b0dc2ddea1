import { useCallback } from 'react';
import type * as Y from 'yjs';
import type { OpContext } from '@shared/core/context';
import { isDomainError } from '@shared/core/errors';
import { useAppStore } from '../store/app-store';
import type { IncidentHandle } from './incident-registry';
import { useIncidentOpContext } from './use-profile';

export type OpResult<T> = { ok: true; value: T } | { ok: false; message: string };

export const errorMessage = (e: unknown): string =>
  isDomainError(e) || e instanceof Error ? e.message : String(e);

/**
 * Run a domain operation. When this returns, the change is in the document:
 * on screen, sent to peers, and queued for the disk. The result says only
 * whether the operation was refused (a refusal becomes a notice).
 *
 * The disk write is not awaited here, on purpose. A form that cleared its
 * field once the write finished erased whatever was typed into it meanwhile
 * (a second runbook step typed while the first was saving vanished), and one
 * that put the text back after a failed write made Enter record it twice,
 * although the change was already in the document and kept for the retry.
 * Whether it is on disk is the save indicator's job: it says "Saved" only
 * after the commit, and a failed write is reported here as a notice too.
 */
export const useRunOp = (handle: IncidentHandle) => {
  const ctx = useIncidentOpContext(handle.id);
  const pushNotice = useAppStore((s) => s.pushNotice);
  return useCallback(
    <T>(op: (doc: Y.Doc, ctx: OpContext) => T): OpResult<T> => {
      let value: T;
      try {
        value = op(handle.doc, ctx);
      } catch (e) {
        pushNotice('error', errorMessage(e));
        return { ok: false, message: errorMessage(e) };
      }
      handle.persistence.whenSaved().catch((e: unknown) => pushNotice('error', errorMessage(e)));
      return { ok: true, value };
    },
    [handle, ctx, pushNotice],
  );
};
