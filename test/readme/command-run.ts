import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { expect } from '@playwright/test';

/**
 * One README command run as a person runs it in a terminal: `npm run …` in the
 * copy of the repository, in a process group of its own (a terminal's Ctrl-C
 * reaches the whole foreground group, and so does interrupt()).
 *
 * Every process it starts, however deep, inherits a marker in its environment,
 * so what outlives the command can be found by that marker and stopped by PID
 * (no process is ever looked up by name).
 */
const MARKER = 'WARROOM_README_RUN';

/** The environment of a user's shell: none of what Vitest, Playwright or an outer npm set. */
const userEnv = (extra: Record<string, string>): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(npm_|PW_|TEST_)/i.test(k) || ['NODE_ENV', 'NODE_OPTIONS', 'INIT_CWD', 'FORCE_COLOR'].includes(k)) continue;
    env[k] = v;
  }
  return { ...env, NO_COLOR: '1', ...extra };
};

/** PIDs of live processes whose environment carries `marker` (Linux: /proc). */
export const processesMarked = (marker: string): number[] => {
  const needle = `${MARKER}=${marker}\0`;
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (`${readFileSync(`/proc/${entry}/environ`, 'latin1')}\0`.includes(needle)) pids.push(Number(entry));
    } catch {
      // Gone meanwhile, or a zombie: nothing to stop.
    }
  }
  return pids;
};

const signal = (pid: number, sig: NodeJS.Signals): void => {
  try {
    process.kill(pid, sig);
  } catch {
    // Already gone.
  }
};

export interface CommandRun {
  readonly child: ChildProcess;
  readonly marker: string;
  output(): string;
  /** Resolves with the first match of `pattern` in stdout + stderr; fails if the command exits first. */
  waitForOutput(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray>;
  /** How it ended: an exit code, or the signal that ended it. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Ctrl-C: SIGINT to the command's process group. */
  interrupt(): void;
  /** Processes the command started that are still running. */
  leftovers(): number[];
  /** Stops whatever is still running, by PID: SIGINT, then SIGKILL for what remains. */
  stop(): Promise<void>;
}

export const runCommand = (command: string, options: { cwd: string; env?: Record<string, string> }): CommandRun => {
  const marker = randomUUID();
  const [file, ...args] = command.split(' ');
  const child = spawn(file!, args, {
    cwd: options.cwd,
    env: userEnv({ ...options.env, [MARKER]: marker }),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const onData = (chunk: Buffer): void => {
    output += chunk.toString();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  let exitCode: number | null | undefined;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, sig) => {
      exitCode = code;
      resolve({ code, signal: sig });
    }),
  );

  const run: CommandRun = {
    child,
    marker,
    output: () => output,
    exited,
    async waitForOutput(pattern, timeoutMs) {
      await expect
        .poll(() => pattern.test(output) || exitCode !== undefined, { message: `"${command}" to print ${pattern}`, timeout: timeoutMs })
        .toBe(true);
      const match = pattern.exec(output);
      if (!match) throw new Error(`"${command}" exited (code ${exitCode}) without printing ${pattern}:\n${output}`);
      return match;
    },
    interrupt() {
      if (child.pid !== undefined) signal(-child.pid, 'SIGINT');
    },
    leftovers: () => processesMarked(marker),
    async stop() {
      if (exitCode === undefined) run.interrupt();
      for (const pid of processesMarked(marker)) signal(pid, 'SIGINT');
      await expect.poll(() => processesMarked(marker).length, { timeout: 30_000 }).toBe(0).catch(() => undefined);
      for (const pid of processesMarked(marker)) signal(pid, 'SIGKILL');
      await expect.poll(() => processesMarked(marker).length, { timeout: 30_000 }).toBe(0);
    },
  };
  return run;
};
