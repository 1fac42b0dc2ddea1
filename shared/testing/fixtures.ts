import * as Y from 'yjs';
import type { OpContext } from '../core/context';
import { isDomainError, type DomainErrorCode } from '../core/errors';
import { TOP_LEVEL_NAMES, TOP_LEVEL_TYPES, createIncidentDoc, type TopLevelName } from '../schema/incident-doc';
import type { Actor } from '../schema/types';

/*
 * Helpers for the unit tests in shared/. Not exported from shared/index.ts and
 * free of test-runner imports, so it obeys the same platform rules as the rest.
 */

/** 2024-01-01T00:00:00Z: comfortably inside the accepted time range. */
export const T0 = Date.UTC(2024, 0, 1);
export const MINUTE = 60_000;

export interface TestContext {
  ctx: OpContext;
  /** Ids handed out by `newId`, in order. */
  issued: string[];
  setNow(t: number): void;
  advance(ms: number): number;
  current(): number;
}

/** A deterministic OpContext: fixed actor, a clock the test moves, ids `<prefix>-<n>`. */
export const testContext = (actor: Actor = { name: 'Ada', deviceId: 'dev-a' }, start = T0, prefix = actor.deviceId): TestContext => {
  let now = start;
  let n = 0;
  const issued: string[] = [];
  return {
    ctx: {
      actor,
      now: () => now,
      newId: () => {
        n += 1;
        const id = `${prefix}-${n}`;
        issued.push(id);
        return id;
      },
    },
    issued,
    setNow: (t) => {
      now = t;
    },
    advance: (ms) => (now += ms),
    current: () => now,
  };
};

/** Origins of every transaction and every update on `doc`, to check that writes are tagged. */
export const recordOrigins = (doc: Y.Doc): { transactions: unknown[]; updates: unknown[]; stop(): void } => {
  const transactions: unknown[] = [];
  const updates: unknown[] = [];
  const onTx = (tr: Y.Transaction) => {
    transactions.push(tr.origin);
  };
  const onUpdate = (_u: Uint8Array, origin: unknown) => {
    updates.push(origin);
  };
  doc.on('afterTransaction', onTx);
  doc.on('update', onUpdate);
  return {
    transactions,
    updates,
    stop: () => {
      doc.off('afterTransaction', onTx);
      doc.off('update', onUpdate);
    },
  };
};

/** Plain JSON of every top-level type of the registry (touching them all, so all are present). */
export const docJson = (doc: Y.Doc): Record<TopLevelName, unknown> =>
  Object.fromEntries(TOP_LEVEL_NAMES.map((n) => [n, TOP_LEVEL_TYPES[n](doc).toJSON()])) as Record<TopLevelName, unknown>;

export interface StateCapture {
  update: Uint8Array;
  json: unknown;
}

export const captureState = (doc: Y.Doc): StateCapture => ({ update: Y.encodeStateAsUpdate(doc), json: docJson(doc) });

/**
 * Run `fn`, which must be refused with `code`, and report whether the document
 * was left exactly as it was (same encoded state, same JSON, no update emitted).
 */
export const refusal = (
  doc: Y.Doc,
  fn: () => unknown,
): { code: DomainErrorCode | 'no error' | 'not a DomainError'; message: string; before: StateCapture; after: StateCapture; updates: number } => {
  const before = captureState(doc);
  let updates = 0;
  const onUpdate = () => {
    updates += 1;
  };
  doc.on('update', onUpdate);
  let code: DomainErrorCode | 'no error' | 'not a DomainError' = 'no error';
  let message = '';
  try {
    fn();
  } catch (e) {
    code = isDomainError(e) ? e.code : 'not a DomainError';
    message = e instanceof Error ? e.message : String(e);
  } finally {
    doc.off('update', onUpdate);
  }
  return { code, message, before, after: captureState(doc), updates };
};

/** Sync `from` into `to` (one direction), as a peer or relay would. */
export const syncInto = (from: Y.Doc, to: Y.Doc, origin: unknown): void => {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), origin);
};

export const newDoc = (id = 'inc-1'): Y.Doc => createIncidentDoc(id);
