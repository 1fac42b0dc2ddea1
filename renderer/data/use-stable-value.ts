import { useState } from 'react';

/**
 * `value`, or the one returned before when it is equal: derived lists that are
 * rebuilt on every document change (people, authors) keep their identity, so
 * memoised rows and effects that depend on them do not run again.
 */
export const useStableValue = <T>(value: T, equal: (a: T, b: T) => boolean): T => {
  const [kept, setKept] = useState(value);
  if (kept === value || equal(kept, value)) return kept;
  // Adjusting state while rendering: React re-renders this component at once, before children.
  setKept(value);
  return value;
};

/** Arrays of the same length whose items are pairwise equal. */
export const sameItems =
  <T>(equal: (a: T, b: T) => boolean) =>
  (a: readonly T[], b: readonly T[]): boolean =>
    a.length === b.length && a.every((x, i) => equal(x, b[i]!));
