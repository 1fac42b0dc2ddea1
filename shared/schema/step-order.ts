import { isOrderKey } from '../domain/runbook/fractional-key';

export interface StepSlot {
  id: string;
  /** The step's order key when it is a valid one, else null. */
  order: string | null;
  /** Position in the raw Yjs array. */
  index: number;
}

export const orderKeyOf = (v: unknown): string | null => (isOrderKey(v) ? v : null);

/**
 * Display order of runbook steps, the same on every peer: steps with a valid
 * order key by key (ties, from concurrent inserts into one gap, by array
 * position), then steps without one in array order. An id that appears twice
 * (a merged import, a confused peer) shows once: its first copy in the array,
 * which is also the one operations write to.
 */
export const sortStepSlots = <T extends StepSlot>(slots: readonly T[]): T[] => {
  const seen = new Set<string>();
  const unique = [...slots].sort((a, b) => a.index - b.index).filter((s) => !seen.has(s.id) && seen.add(s.id) !== undefined);
  return unique.sort((a, b) => {
    if (a.order !== null && b.order !== null && a.order !== b.order) return a.order < b.order ? -1 : 1;
    if ((a.order === null) !== (b.order === null)) return a.order === null ? 1 : -1;
    return a.index - b.index;
  });
};
