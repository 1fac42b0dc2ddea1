import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, startProcess, waitFor, type Proc } from './child-process';

/**
 * A real redis-server (Debian's package; .ci/run installs it) on loopback, on
 * a free port, with no persistence and a temporary directory. `stop()` and
 * `start()` again keep the port, for restart tests.
 */
export interface RedisServer {
  url: string;
  port: number;
  start: () => Promise<void>;
  stop: () => Promise<void>;
  /** Stops it if running and removes its directory. */
  destroy: () => Promise<void>;
}

const ping = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    s.setTimeout(2000);
    s.once('connect', () => s.write('PING\r\n'));
    s.once('data', (d) => {
      resolve(d.toString().startsWith('+PONG'));
      s.destroy();
    });
    s.once('error', () => resolve(false));
    s.once('timeout', () => {
      resolve(false);
      s.destroy();
    });
  });

export const REDIS_SERVER = process.env.REDIS_SERVER || '/usr/bin/redis-server';

export const startRedis = async (): Promise<RedisServer> => {
  const dir = mkdtempSync(path.join(tmpdir(), 'warroom-redis-'));
  const port = await freePort();
  let proc: Proc | null = null;
  const start = async () => {
    const p = startProcess(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--daemonize', 'no']);
    proc = p;
    await waitFor(`redis-server on port ${port}`, () => ping(port), p);
  };
  const stop = async () => {
    const p = proc;
    proc = null;
    await p?.stop('SIGTERM');
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    start,
    stop,
    destroy: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
