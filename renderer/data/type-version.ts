import type * as Y from 'yjs';
import { TOP_LEVEL_TYPES, type TopLevelName } from '@shared/schema/incident-doc';

/** Every top-level type of the registry has a counter. */
export type WatchedType = TopLevelName;

export interface VersionStore {
  get: () => number;
  subscribe: (listener: () => void) => () => void;
}

const stores = new WeakMap<Y.Doc, Map<WatchedType, VersionStore>>();

/**
 * A counter per top-level type that moves when anything inside that type
 * changes, for useSyncExternalStore. Why per type rather than per document: a
 * remote timeline entry must not re-render the runbook, roles and header, or a
 * busy incident makes every peer's screen lag behind its document.
 */
export const typeVersionStore = (doc: Y.Doc, name: WatchedType): VersionStore => {
  let byType = stores.get(doc);
  if (!byType) stores.set(doc, (byType = new Map()));
  const existing = byType.get(name);
  if (existing) return existing;
  let version = 0;
  let changed = false;
  const listeners = new Set<() => void>();
  // Observed for the store's whole life (it goes with the doc), not only while
  // someone listens: React renders before it subscribes, and a change landing in
  // between must still move the counter, or the pane would show stale data.
  TOP_LEVEL_TYPES[name](doc).observeDeep(() => {
    version += 1;
    changed = true;
  });
  // Listeners hear of it once the transaction is over: React reads derived values
  // inside its listener, and caches kept by other observers (the timeline
  // projection) are only up to date once every observer has run.
  doc.on('afterTransaction', () => {
    if (!changed) return;
    changed = false;
    for (const l of listeners) l();
  });
  const store: VersionStore = {
    get: () => version,
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
  byType.set(name, store);
  return store;
};
