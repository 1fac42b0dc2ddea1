import type { TimelineEntry } from '../types';

type Orderable = Pick<TimelineEntry, 'occurredAt' | 'clock' | 'id'>;

/**
 * Display order every peer computes identically: when it happened, then the
 * Lamport clock (causal order of recording), then the entry id. Plain code-unit
 * comparison on ids, never localeCompare, which differs between machines.
 */
export const compareEntries = (a: Orderable, b: Orderable): number => {
  if (a.occurredAt !== b.occurredAt) return a.occurredAt - b.occurredAt;
  if (a.clock !== b.clock) return a.clock - b.clock;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
};

export const sortEntries = <T extends Orderable>(entries: readonly T[]): T[] => [...entries].sort(compareEntries);
