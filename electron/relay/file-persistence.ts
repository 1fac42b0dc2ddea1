import * as Y from 'yjs';
import type { FileDocStore } from './file-store';

/**
 * Persistence for @y/websocket-server (its `setPersistence({ bindState,
 * writeState })` hook) on a FileDocStore, in place of y-leveldb, whose native
 * leveldown does not install everywhere.
 *
 * - bindState listens first, then loads: an update a client sends while the
 *   file is read is appended too, and nothing loaded is written back.
 * - The log is compacted after `compactEvery` appended updates, and when the
 *   last client leaves (writeState) — but never before the stored state is
 *   loaded, since a snapshot taken earlier would lack it.
 */
const LOADED = Symbol('relay-storage-load');

export interface FilePersistenceOptions {
  compactEvery?: number;
  log?: (msg: string) => void;
}

interface Bound {
  loaded: Promise<void>;
  isLoaded: boolean;
  sinceCompaction: number;
}

export const filePersistence = (store: FileDocStore, opts: FilePersistenceOptions = {}) => {
  const compactEvery = opts.compactEvery ?? 500;
  const log = opts.log ?? (() => {});
  const bound = new WeakMap<Y.Doc, Bound>();
  const writing = new Set<Promise<void>>();

  const compact = (docName: string, doc: Y.Doc, b: Bound) => {
    b.sinceCompaction = 0;
    return store.compact(docName, () => Y.encodeStateAsUpdate(doc));
  };

  return {
    provider: store,
    bindState: (docName: string, doc: Y.Doc): void => {
      const b: Bound = { loaded: Promise.resolve(), isLoaded: false, sinceCompaction: 0 };
      bound.set(doc, b);
      doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin === LOADED) return;
        store.append(docName, update).catch((e: unknown) => log(`${docName}: write failed: ${String(e)}`));
        b.sinceCompaction += 1;
        if (b.isLoaded && b.sinceCompaction >= compactEvery) {
          compact(docName, doc, b).catch((e: unknown) => log(`${docName}: compaction failed: ${String(e)}`));
        }
      });
      b.loaded = store.load(docName).then(
        (stored) => {
          if (stored.discardedBytes > 0) log(`${docName}: dropped a torn record of ${stored.discardedBytes} bytes`);
          if (stored.update) Y.applyUpdate(doc, stored.update, LOADED);
          b.isLoaded = true;
        },
        (e: unknown) => log(`${docName}: could not load: ${String(e)}`),
      );
    },
    writeState: (docName: string, doc: Y.Doc): Promise<void> => {
      const b = bound.get(doc);
      if (!b) return Promise.resolve();
      const done = b.loaded.then(() => (b.isLoaded ? compact(docName, doc, b) : store.flush()));
      writing.add(done);
      void done.finally(() => writing.delete(done)).catch(() => undefined);
      return done;
    },
    /** Resolves when every write, including those of documents just closed, is on disk. */
    flush: async (): Promise<void> => {
      await Promise.allSettled([...writing]);
      await store.flush();
    },
  };
};
