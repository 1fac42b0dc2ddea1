import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { mergeStates, type DocStore } from './doc-store';

/**
 * The embedded store: one SQLite file through better-sqlite3, in WAL mode with
 * synchronous=FULL, so a stored state is on disk (fsynced) when store()
 * resolves and a crash leaves the last committed state. No server to run.
 * better-sqlite3 is synchronous; each call is short (one row) and runs on the
 * relay's thread, which is what SQLite's own docs recommend for one writer.
 */
export const openSqliteStore = (file: string): DocStore => {
  mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(`CREATE TABLE IF NOT EXISTS documents (
    name TEXT PRIMARY KEY,
    state BLOB,
    verifier BLOB,
    updated_at INTEGER NOT NULL
  )`);
  const select = db.prepare<[string], { state: Buffer | null }>('SELECT state FROM documents WHERE name = ?');
  const upsertState = db.prepare<[string, Buffer, number]>(
    'INSERT INTO documents (name, state, updated_at) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at',
  );
  const claim = db.prepare<[string, Buffer, number], { verifier: Buffer }>(
    'INSERT INTO documents (name, verifier, updated_at) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET verifier = COALESCE(documents.verifier, excluded.verifier) RETURNING verifier',
  );
  const names = db.prepare<[], { name: string }>('SELECT name FROM documents WHERE state IS NOT NULL ORDER BY name');
  const store = db.transaction((name: string, state: Uint8Array) => {
    const merged = mergeStates(select.get(name)?.state ?? null, state);
    upsertState.run(name, Buffer.from(merged.buffer, merged.byteOffset, merged.byteLength), Date.now());
  });
  let closed = false;

  return {
    kind: 'sqlite',
    where: file,
    load: async (name) => select.get(name)?.state ?? null,
    store: async (name, state) => {
      store(name, state);
    },
    claim: async (name, verifier) => claim.get(name, Buffer.from(verifier), Date.now())!.verifier,
    names: async () => names.all().map((r) => r.name),
    close: async () => {
      if (closed) return;
      closed = true;
      db.close();
    },
  };
};
