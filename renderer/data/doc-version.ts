import type * as Y from 'yjs';

interface VersionStore {
  get: () => number;
  subscribe: (listener: () => void) => () => void;
}

const stores = new WeakMap<Y.Doc, VersionStore>();

/**
 * A counter per document that moves on every update, local or remote, for
 * useSyncExternalStore. One listener on the doc however many components read it.
 */
export const docVersionStore = (doc: Y.Doc): VersionStore => {
  let store = stores.get(doc);
  if (store) return store;
  let version = 0;
  const listeners = new Set<() => void>();
  const bump = () => {
    version += 1;
    for (const l of listeners) l();
  };
  store = {
    get: () => version,
    subscribe: (l) => {
      if (listeners.size === 0) doc.on('update', bump);
      listeners.add(l);
      return () => {
        listeners.delete(l);
        if (listeners.size === 0) doc.off('update', bump);
      };
    },
  };
  stores.set(doc, store);
  return store;
};
