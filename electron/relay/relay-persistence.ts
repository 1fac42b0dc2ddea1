import { Database } from '@hocuspocus/extension-database';
import type { Extension, LocalTransactionOrigin } from '@hocuspocus/server';
import * as Y from 'yjs';
import type { DocStore } from './doc-store';
import { unavailable } from './relay-auth';
import type { RelayMetrics } from './relay-metrics';

/**
 * Documents to and from the DocStore, through @hocuspocus/extension-database.
 *
 * Each node remembers the generation of the row it last loaded or wrote, and
 * writes only over that one (compare-and-swap). A lone node never conflicts:
 * it writes its document's state and nothing else. When another node wrote in
 * between, the row's state is applied to the live document first (a CRDT
 * merge: the clients get whatever that node had and this one lacked), and the
 * union is written. So no node ever overwrites what another stored, and the
 * merge costs only when nodes do write the same document in turn.
 */
/** Taking in another node's stored state must not schedule yet another store of its own. */
const FROM_STORE: LocalTransactionOrigin = { source: 'local', skipStoreHooks: true };
const MAX_ATTEMPTS = 10;

export const relayPersistence = (store: DocStore, metrics: RelayMetrics): Extension[] => {
  const generations = new Map<string, number>();
  return [
    new Database({
      fetch: async ({ documentName }) => {
        // A load that fails refuses the client with relay-unavailable (it comes back later), rather than serve an empty copy.
        const row = await metrics.timeStore('load', () => store.load(documentName)).catch(unavailable);
        generations.set(documentName, row.generation);
        return row.state;
      },
      store: async ({ documentName, document, state }) => {
        let bytes: Uint8Array = state;
        let expected = generations.get(documentName) ?? 0;
        for (let attempt = 1; ; attempt += 1) {
          const result = await metrics.timeStore('store', () => store.store(documentName, bytes, expected));
          if (result.ok) {
            generations.set(documentName, result.generation);
            return;
          }
          metrics.storeConflicts.inc();
          if (attempt >= MAX_ATTEMPTS) throw new Error(`${documentName}: the stored copy kept changing under ${MAX_ATTEMPTS} attempts to store it`);
          if (result.current.state) Y.applyUpdate(document, result.current.state, FROM_STORE);
          bytes = Y.encodeStateAsUpdate(document);
          expected = result.current.generation;
        }
      },
    }),
    {
      extensionName: 'WarroomForgetUnloaded',
      afterUnloadDocument: async ({ documentName, instance }) => {
        if (!instance.documents.has(documentName)) generations.delete(documentName);
      },
    },
  ];
};
