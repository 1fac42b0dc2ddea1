import type * as Y from 'yjs';
import { STEP_KEYS } from '../../schema/records/runbook';
import { readOrderedSteps, type OrderedStep } from '../../schema/read-model';
import { keysAfter } from '../../schema/records/fractional-key';

/**
 * Must run inside a transaction. Gives every step that has no valid order key
 * (older documents, JSON imports) a key after the keyed ones, in the order they
 * already show, so the display does not move. Returns the steps in display
 * order with their keys. Two peers doing this at once write the same values.
 */
export const keyAllSteps = (doc: Y.Doc): OrderedStep[] => {
  const ordered = readOrderedSteps(doc);
  const unkeyed = ordered.filter((s) => s.order === null);
  if (unkeyed.length === 0) return ordered;
  const lastKeyed = ordered.filter((s) => s.order !== null).at(-1)?.order ?? null;
  const keys = keysAfter(lastKeyed, unkeyed.length);
  unkeyed.forEach((s, i) => {
    s.map.set(STEP_KEYS.order, keys[i]!);
    s.order = keys[i]!;
  });
  return ordered;
};

/** Inside a transaction: keys for `count` steps appended after the last one. */
export const appendKeys = (doc: Y.Doc, count: number): string[] => keysAfter(keyAllSteps(doc).at(-1)?.order ?? null, count);
