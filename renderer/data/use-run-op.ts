import { useCallback } from 'react';
import type * as Y from 'yjs';
import type { OpContext } from '@shared/domain/context';
import { isDomainError } from '@shared/domain/errors';
import { useAppStore } from '../store/app-store';
import type { IncidentHandle } from './incident-registry';
import { useOpContext } from './use-profile';

export type OpResult<T> = { ok: true; value: T } | { ok: false; message: string };

export const errorMessage = (e: unknown): string =>
  isDomainError(e) || e instanceof Error ? e.message : String(e);

/**
 * Run a domain operation and wait until it is on disk. A refusal or a storage
 * failure becomes a notice; the caller learns which through the result, so it
 * can keep the user's input when something went wrong.
 */
export const useRunOp = (handle: IncidentHandle) => {
  const ctx = useOpContext();
  const pushNotice = useAppStore((s) => s.pushNotice);
  return useCallback(
    async <T>(op: (doc: Y.Doc, ctx: OpContext) => T): Promise<OpResult<T>> => {
      let value: T;
      try {
        value = op(handle.doc, ctx);
      } catch (e) {
        pushNotice('error', errorMessage(e));
        return { ok: false, message: errorMessage(e) };
      }
      try {
        await handle.persistence.whenSaved();
      } catch (e) {
        pushNotice('error', errorMessage(e));
        return { ok: false, message: errorMessage(e) };
      }
      return { ok: true, value };
    },
    [handle, ctx, pushNotice],
  );
};
