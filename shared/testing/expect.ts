import { expect } from 'vitest';
import type * as Y from 'yjs';
import type { DomainErrorCode } from '../core/errors';
import { LOCAL_ORIGIN } from '../core/origins';
import { recordOrigins, refusal } from './fixtures';

/** `fn` must throw a DomainError with `code` and leave `doc` byte-for-byte unchanged. */
export const expectRefused = (doc: Y.Doc, fn: () => unknown, code: DomainErrorCode): string => {
  const r = refusal(doc, fn);
  expect(r.code, r.message).toBe(code);
  expect(r.updates).toBe(0);
  expect(r.after.json).toEqual(r.before.json);
  expect(Array.from(r.after.update)).toEqual(Array.from(r.before.update));
  return r.message;
};

/**
 * Watch `doc` from now on; `check()` asserts that at least one write happened
 * and that every transaction and update carried LOCAL_ORIGIN.
 */
export const watchLocalWrites = (doc: Y.Doc) => {
  const rec = recordOrigins(doc);
  return {
    rec,
    check(minUpdates = 1): void {
      rec.stop();
      expect(rec.updates.length).toBeGreaterThanOrEqual(minUpdates);
      expect(new Set(rec.updates)).toEqual(new Set(rec.updates.length > 0 ? [LOCAL_ORIGIN] : []));
      expect(new Set(rec.transactions)).toEqual(new Set(rec.transactions.length > 0 ? [LOCAL_ORIGIN] : []));
    },
  };
};
