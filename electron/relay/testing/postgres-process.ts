import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort, startProcess, waitFor, type Proc } from './child-process';

/**
 * A real PostgreSQL (Debian's package; .ci/run installs it) in a temporary
 * data directory, on loopback, on a free port, with trust authentication for
 * loopback only. PostgreSQL refuses to run as root: as root, initdb and
 * postgres run as the system user `warroom-test` that .ci/run creates (or, if
 * it is missing, `nobody`, with a warning saying so).
 */
export interface PostgresServer {
  /** postgresql://warroom@127.0.0.1:<port>/warroom_relay */
  url: string;
  port: number;
  start: () => Promise<void>;
  stop: () => Promise<void>;
  /** A new, empty database on the same server; its URL. */
  createDatabase: (name: string) => Promise<string>;
  destroy: () => Promise<void>;
}

export const TEST_USER = 'warroom-test';

const pgBinDir = (): string => {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base) ? readdirSync(base).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  if (versions.length === 0) throw new Error('PostgreSQL is not installed (no /usr/lib/postgresql/<version>/bin); .ci/run installs Debian\'s "postgresql" package');
  return path.join(base, versions[0]!, 'bin');
};

const idOf = (user: string): { uid: number; gid: number } | null => {
  try {
    return { uid: Number(execFileSync('id', ['-u', user]).toString().trim()), gid: Number(execFileSync('id', ['-g', user]).toString().trim()) };
  } catch {
    return null;
  }
};

/** Who runs PostgreSQL: ourselves unless we are root. */
const runAs = (): { uid: number; gid: number } | undefined => {
  if (process.getuid?.() !== 0) return undefined;
  const user = idOf(TEST_USER);
  if (user) return user;
  const nobody = idOf('nobody');
  if (!nobody) throw new Error(`running as root, and neither the user "${TEST_USER}" (created by .ci/run) nor "nobody" exists to run PostgreSQL`);
  console.warn(`PostgreSQL refuses to run as root and the user "${TEST_USER}" (created by .ci/run) is missing: running it as "nobody".`);
  return nobody;
};

const canConnect = async (port: number, database: string): Promise<boolean> => {
  const c = new pg.Client({ host: '127.0.0.1', port, user: 'warroom', database, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.query('SELECT 1');
    return true;
  } finally {
    await c.end().catch(() => undefined);
  }
};

export const startPostgres = async (): Promise<PostgresServer> => {
  const bin = pgBinDir();
  const user = runAs();
  const dir = mkdtempSync(path.join(tmpdir(), 'warroom-pg-'));
  if (user) chownSync(dir, user.uid, user.gid);
  const data = path.join(dir, 'data');
  const ids = user ? { uid: user.uid, gid: user.gid } : {};
  execFileSync(path.join(bin, 'initdb'), ['-D', data, '-U', 'warroom', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync', '--no-instructions'], {
    ...ids,
    cwd: dir,
    stdio: 'pipe',
  });
  const port = await freePort();
  let proc: Proc | null = null;
  const start = async () => {
    const p = startProcess(
      path.join(bin, 'postgres'),
      ['-D', data, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=60', '-c', 'shared_buffers=16MB'],
      { ...ids, cwd: dir },
    );
    proc = p;
    await waitFor(`PostgreSQL on port ${port}`, () => canConnect(port, 'postgres'), p);
  };
  await start();
  const createDatabase = async (name: string) => {
    if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a database name for tests: ${name}`);
    const admin = new pg.Client({ host: '127.0.0.1', port, user: 'warroom', database: 'postgres' });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name}`);
    } finally {
      await admin.end();
    }
    return `postgresql://warroom@127.0.0.1:${port}/${name}`;
  };
  await createDatabase('warroom_relay');
  const stop = async () => {
    const p = proc;
    proc = null;
    // SIGINT is PostgreSQL's "fast" shutdown: disconnect clients, write everything, exit.
    await p?.stop('SIGINT');
  };
  return {
    url: `postgresql://warroom@127.0.0.1:${port}/warroom_relay`,
    port,
    start,
    stop,
    createDatabase,
    destroy: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
