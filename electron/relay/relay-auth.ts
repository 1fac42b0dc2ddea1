import { timingSafeEqual } from 'node:crypto';
import type { Extension, onAuthenticatePayload, onDisconnectPayload } from '@hocuspocus/server';
import { RELAY_UNAVAILABLE } from '../../shared/sync/relay-refusals';
import { RELAY_DOC_PATTERN, RELAY_TOKEN_PATTERN, relayVerifier } from '../../shared/sync/share-keys';
import type { DocStore } from './doc-store';
import type { RelayMetrics, Refusal } from './relay-metrics';

/**
 * Who may open a document: a client that proves it holds the room's secret.
 *
 * The app sends relayToken(room, password) (shared/sync/share-keys.ts); the
 * relay keeps only its SHA-256, the verifier, in the document's row. The first
 * token presented for a document binds its verifier (the relay cannot know the
 * secret, and a document is created by whoever first uses its name); from then
 * on a token whose verifier differs is refused before the document is loaded,
 * so a refused client receives no byte of it. Knowing the document name is
 * not enough: the name and the token are independent hashes of the secret.
 *
 * Names are checked too: the relay serves only names the app derives
 * (warroom-relay-<32 hex>), so nobody can park other data on it.
 */
export interface SocketState {
  /** Documents this connection has open (for maxDocumentsPerConnection). */
  docs: Set<string>;
}
export interface RelayContext {
  socket: SocketState;
}

/** Thrown from onAuthenticate: Hocuspocus sends `reason` to the client in its permission-denied message. */
const refuse = (metrics: RelayMetrics, reason: Refusal): never => {
  metrics.refusals.inc({ reason });
  throw { reason: reason.replace(/_/g, '-') };
};

/**
 * The store could not be asked (the database is down): not the client's fault.
 * The reason tells the app to come back later (renderer/sync/relay-session.ts);
 * the message is for the operator's log.
 */
export const unavailable = (e: unknown): never => {
  throw Object.assign(new Error(`document store unavailable: ${e instanceof Error ? e.message : String(e)}`), { reason: RELAY_UNAVAILABLE });
};

export const relayAuth = (options: { store: DocStore; metrics: RelayMetrics; maxDocumentsPerConnection: number }): Extension => {
  const { store, metrics, maxDocumentsPerConnection } = options;
  // A bound verifier never changes, so each node asks the store once per document.
  const bound = new Map<string, Uint8Array>();
  return {
    extensionName: 'WarroomRelayAuth',
    onAuthenticate: async ({ documentName, token, context }: onAuthenticatePayload<RelayContext>) => {
      if (!RELAY_DOC_PATTERN.test(documentName)) refuse(metrics, 'unknown_document');
      if (!RELAY_TOKEN_PATTERN.test(token)) refuse(metrics, 'bad_token');
      const { docs } = context.socket;
      const reserved = !docs.has(documentName);
      if (reserved && docs.size >= maxDocumentsPerConnection) refuse(metrics, 'too_many_documents');
      // Taken before the store is asked, so documents authenticating at once cannot all squeeze under the cap.
      docs.add(documentName);
      try {
        const mine = relayVerifier(token);
        let theirs = bound.get(documentName);
        if (!theirs) {
          theirs = new Uint8Array(await metrics.timeStore('claim', () => store.claim(documentName, mine)).catch(unavailable));
          bound.set(documentName, theirs);
        }
        if (theirs.length !== mine.length || !timingSafeEqual(theirs, mine)) refuse(metrics, 'wrong_secret');
      } catch (e) {
        if (reserved) docs.delete(documentName);
        throw e;
      }
    },
    onDisconnect: async ({ documentName, context }: onDisconnectPayload<RelayContext>) => {
      context.socket?.docs.delete(documentName);
    },
  };
};
