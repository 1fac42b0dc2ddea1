import * as Y from 'yjs';

/**
 * Where the relay keeps documents: the embedded SQLite file (one node) or
 * PostgreSQL (`DATABASE_URL`, shared by every node). Hocuspocus hands a store
 * the whole state of a document (extension-database); each holds one row per
 * document: its state and the verifier of its relay token.
 */
export interface DocStore {
  readonly kind: 'sqlite' | 'postgres';
  /** For the log: the file, or host and database (never a password). */
  readonly where: string;
  /** The stored state, or null for a document never stored. */
  load(name: string): Promise<Uint8Array | null>;
  /**
   * Merge `state` into the stored one (see mergeStates), in one transaction.
   * Several nodes store the same document; a node whose copy lags another's
   * must not overwrite what that one stored.
   */
  store(name: string, state: Uint8Array): Promise<void>;
  /**
   * The verifier bound to a document: `verifier` if none was bound yet (the
   * first client to present a token claims the name), else the one bound
   * before. Atomic, so two nodes cannot bind two verifiers.
   */
  claim(name: string, verifier: Uint8Array): Promise<Uint8Array>;
  /** Names of stored documents, for the import summary and tests. */
  names(): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * Both states applied to one document (with garbage collection), encoded
 * again: everything either side had, deletions included, and nothing twice.
 * Y.mergeUpdates would be cheaper but keeps content that a deletion freed.
 */
export const mergeStates = (stored: Uint8Array | null, incoming: Uint8Array): Uint8Array => {
  if (!stored || stored.length === 0) return incoming;
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, stored);
    Y.applyUpdate(doc, incoming);
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
};
