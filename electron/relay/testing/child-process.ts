import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import net from 'node:net';

/**
 * A server process started by a test: stopped by its own PID, never by name
 * (other suites on the machine run the same programs), with the tail of its
 * output kept for the error message when it fails to start.
 */
export interface Proc {
  pid: number;
  child: ChildProcess;
  /** Resolves when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output: () => string;
  /** Sends `signal` and waits for the exit; SIGKILL after `graceMs` if it is still running. */
  stop: (signal?: NodeJS.Signals, graceMs?: number) => Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export const startProcess = (command: string, args: string[], options: SpawnOptions = {}): Proc => {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
  let out = '';
  const keep = (chunk: Buffer) => {
    out = (out + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.once('error', (e) => {
      keep(Buffer.from(`\n${e.message}\n`));
      resolve({ code: null, signal: null });
    });
  });
  if (child.pid === undefined) throw new Error(`could not start ${command}`);
  const pid = child.pid;
  let running = true;
  void exited.then(() => {
    running = false;
  });
  return {
    pid,
    child,
    exited,
    output: () => out,
    stop: async (signal = 'SIGTERM', graceMs = 30_000) => {
      if (running) process.kill(pid, signal);
      const timer = setTimeout(() => {
        if (running) process.kill(pid, 'SIGKILL');
      }, graceMs);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
      }
    },
  };
};

/** A port nothing listens on right now (the OS picks it). */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });

/** Polls `check` until it resolves true, the process exits, or `ms` pass. */
export const waitFor = async (what: string, check: () => Promise<boolean>, proc: Proc | null, ms = 60_000): Promise<void> => {
  const deadline = Date.now() + ms;
  let exited = false;
  void proc?.exited.then(() => {
    exited = true;
  });
  for (;;) {
    if (await check().catch(() => false)) return;
    if (exited) throw new Error(`${what}: the process exited before it was ready:\n${proc!.output()}`);
    if (Date.now() > deadline) throw new Error(`${what}: not ready after ${ms} ms:\n${proc?.output() ?? ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};
