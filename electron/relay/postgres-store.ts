import pg from 'pg';
import { mergeStates, type DocStore } from './doc-store';

/**
 * PostgreSQL (`DATABASE_URL`), shared by every relay node. store() locks the
 * document's row (SELECT … FOR UPDATE) and merges, so two nodes storing the
 * same document at once both keep everything. The table is created under an
 * advisory lock: three nodes starting together race for CREATE TABLE
 * otherwise.
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

  return {
    kind: 'postgres',
    where: describeDatabaseUrl(connectionString),
    load: async (name) => {
      const { rows } = await pool.query<{ state: Buffer | null }>(`SELECT state FROM ${TABLE} WHERE name = $1`, [name]);
      return rows[0]?.state ?? null;
    },
    store: async (name, state) => {
      const c = await pool.connect();
      try {
        await c.query('BEGIN');
        await c.query(`INSERT INTO ${TABLE} (name) VALUES ($1) ON CONFLICT (name) DO NOTHING`, [name]);
        const { rows } = await c.query<{ state: Buffer | null }>(`SELECT state FROM ${TABLE} WHERE name = $1 FOR UPDATE`, [name]);
        const merged = mergeStates(rows[0]?.state ?? null, state);
        await c.query(`UPDATE ${TABLE} SET state = $2, updated_at = now() WHERE name = $1`, [name, Buffer.from(merged)]);
        await c.query('COMMIT');
      } catch (e) {
        await c.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        c.release();
      }
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
