import pg from 'pg';
import type { DocStore, StoredDoc } from './doc-store';

/**
 * PostgreSQL (`DATABASE_URL`), shared by every relay node. store() is one
 * conditional UPDATE on the generation (see doc-store.ts), atomic without an
 * explicit lock. The table is created under an advisory lock: three nodes
 * starting together race for CREATE TABLE otherwise.
 */
const TABLE = 'warroom_relay_documents';
const SCHEMA_LOCK = 0x7761_7272; // "warr"

/** Host, port and database of a connection string, for the log; never its password. */
export const describeDatabaseUrl = (url: string): string => {
  try {
    const u = new URL(url);
    return `postgresql://${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  } catch {
    return 'postgresql (DATABASE_URL)';
  }
};

export const openPostgresStore = async (connectionString: string, log: (msg: string) => void = () => {}): Promise<DocStore> => {
  const pool = new pg.Pool({ connectionString, max: 8 });
  // An idle client whose server went away emits 'error' on the pool; unheard, it would end the process.
  pool.on('error', (e) => log(`PostgreSQL: ${e.message}`));
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS ${TABLE} (
      name text PRIMARY KEY,
      state bytea,
      generation bigint NOT NULL DEFAULT 0,
      verifier bytea,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
  let closed: Promise<void> | null = null;
  const load = async (name: string): Promise<StoredDoc> => {
    const { rows } = await pool.query<{ state: Buffer | null; generation: string }>(`SELECT state, generation FROM ${TABLE} WHERE name = $1`, [name]);
    return { state: rows[0]?.state ?? null, generation: Number(rows[0]?.generation ?? 0) };
  };

  return {
    kind: 'postgres',
    where: describeDatabaseUrl(connectionString),
    load,
    store: async (name, state, expected) => {
      await pool.query(`INSERT INTO ${TABLE} (name) VALUES ($1) ON CONFLICT (name) DO NOTHING`, [name]);
      const { rows } = await pool.query<{ generation: string }>(
        `UPDATE ${TABLE} SET state = $2, generation = generation + 1, updated_at = now() WHERE name = $1 AND generation = $3 RETURNING generation`,
        [name, Buffer.from(state.buffer, state.byteOffset, state.byteLength), expected],
      );
      return rows[0] ? { ok: true, generation: Number(rows[0].generation) } : { ok: false, current: await load(name) };
    },
    claim: async (name, verifier) => {
      const { rows } = await pool.query<{ verifier: Buffer }>(
        `INSERT INTO ${TABLE} (name, verifier) VALUES ($1, $2)
         ON CONFLICT (name) DO UPDATE SET verifier = COALESCE(${TABLE}.verifier, EXCLUDED.verifier)
         RETURNING verifier`,
        [name, Buffer.from(verifier)],
      );
      return rows[0]!.verifier;
    },
    names: async () => (await pool.query<{ name: string }>(`SELECT name FROM ${TABLE} WHERE state IS NOT NULL ORDER BY name`)).rows.map((r) => r.name),
    close: () => (closed ??= pool.end()),
  };
};
