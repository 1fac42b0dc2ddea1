import * as Y from 'yjs';

/**
 * Where the relay keeps documents: the embedded SQLite file (one node) or
 * PostgreSQL (`DATABASE_URL`, shared by every node). One row per document:
 * its state, a generation counter, and the verifier of its relay token.
 *
 * Writes are compare-and-swap on the generation: a node writes only over the
 * row it last loaded or wrote, so it never overwrites what another node
 * stored in between without first taking that in (relay-persistence.ts). A
 * lone node, the usual case, never conflicts and never merges.
 */
export interface StoredDoc {
  state: Uint8Array | null;
  /** 0 for a document never stored; one more with every write. */
  generation: number;
}

export type StoreResult = { ok: true; generation: number } | { ok: false; current: StoredDoc };

export interface DocStore {
  readonly kind: 'sqlite' | 'postgres';
  /** For the log: the file, or host and database (never a password). */
  readonly where: string;
  load(name: string): Promise<StoredDoc>;
  /** Writes `state` if the row is still at `expected`; otherwise returns what is there now. */
  store(name: string, state: Uint8Array, expected: number): Promise<StoreResult>;
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
 * again: everything either side had, deletions included, nothing twice.
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

/** Merge `update` into whatever is stored under `name`, retrying if another writer gets in between (for imports). */
export const mergeInto = async (store: DocStore, name: string, update: Uint8Array): Promise<void> => {
  let current = await store.load(name);
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const result = await store.store(name, mergeStates(current.state, update), current.generation);
    if (result.ok) return;
    current = result.current;
  }
  throw new Error(`${name}: the stored copy kept changing while it was being merged`);
};
