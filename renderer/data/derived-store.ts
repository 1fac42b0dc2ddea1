import type * as Y from 'yjs';
import { typeVersionStore, type WatchedType } from './type-version';

export interface DerivedStore<T> {
  subscribe: (listener: () => void) => () => void;
  getSnapshot: () => T;
}

/**
 * A value derived from some top-level types of a document, for
 * useSyncExternalStore. It is recomputed only when one of those types changed,
 * and keeps its identity while the result is equal, so a component reading it
 * re-renders only when what it shows changed (the people in the incident, say,
 * not each new timeline entry).
 */
export const derivedStore = <T>(
  doc: Y.Doc,
  types: readonly WatchedType[],
  derive: (doc: Y.Doc) => T,
  equal: (a: T, b: T) => boolean,
): DerivedStore<T> => {
  const sources = types.map((t) => typeVersionStore(doc, t));
  let cached: { key: string; value: T } | null = null;
  return {
    getSnapshot: () => {
      const key = sources.map((s) => s.get()).join(',');
      if (cached?.key === key) return cached.value;
      const next = derive(doc);
      cached = { key, value: cached && equal(cached.value, next) ? cached.value : next };
      return cached.value;
    },
    subscribe: (listener) => {
      const offs = sources.map((s) => s.subscribe(listener));
      return () => offs.forEach((off) => off());
    },
  };
};
