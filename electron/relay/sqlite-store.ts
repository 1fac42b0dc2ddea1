import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { DocStore } from './doc-store';

/**
 * The embedded store: one SQLite file through better-sqlite3, in WAL mode with
 * synchronous=FULL, so a stored state is on disk (fsynced) when store()
 * resolves and a crash leaves the last committed state. No server to run.
 * better-sqlite3 is synchronous; each call is one short statement on the
 * relay's thread, which suits SQLite's one writer.
 */
export const openSqliteStore = (file: string): DocStore => {
  mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(`CREATE TABLE IF NOT EXISTS documents (
    name TEXT PRIMARY KEY,
    state BLOB,
    generation INTEGER NOT NULL DEFAULT 0,
    verifier BLOB,
    updated_at INTEGER NOT NULL
  )`);
  const select = db.prepare<[string], { state: Buffer | null; generation: number }>('SELECT state, generation FROM documents WHERE name = ?');
  const ensure = db.prepare<[string, number]>('INSERT INTO documents (name, updated_at) VALUES (?, ?) ON CONFLICT (name) DO NOTHING');
  const swap = db.prepare<[Buffer, number, string, number], { generation: number }>(
    'UPDATE documents SET state = ?, generation = generation + 1, updated_at = ? WHERE name = ? AND generation = ? RETURNING generation',
  );
  const claim = db.prepare<[string, Buffer, number], { verifier: Buffer }>(
    'INSERT INTO documents (name, verifier, updated_at) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET verifier = COALESCE(documents.verifier, excluded.verifier) RETURNING verifier',
  );
  const names = db.prepare<[], { name: string }>('SELECT name FROM documents WHERE state IS NOT NULL ORDER BY name');
  const load = (name: string) => {
    const row = select.get(name);
    return { state: row?.state ?? null, generation: row?.generation ?? 0 };
  };
  const store = db.transaction((name: string, state: Uint8Array, expected: number) => {
    ensure.run(name, Date.now());
    const row = swap.get(Buffer.from(state.buffer, state.byteOffset, state.byteLength), Date.now(), name, expected);
    return row ? { ok: true as const, generation: row.generation } : { ok: false as const, current: load(name) };
  });
  let closed = false;

  return {
    kind: 'sqlite',
    where: file,
    load: async (name) => load(name),
    store: async (name, state, expected) => store(name, state, expected),
    claim: async (name, verifier) => claim.get(name, Buffer.from(verifier), Date.now())!.verifier,
    names: async () => names.all().map((r) => r.name),
    close: async () => {
      if (closed) return;
      closed = true;
      db.close();
    },
  };
};
