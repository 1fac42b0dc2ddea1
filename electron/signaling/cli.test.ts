/**
 * Runs the CLI the way `npm run signal` does: bundled to CommonJS by esbuild, in its own process.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { lanAddresses } from './lan-addresses';
import { TestClient, waitUntil } from './test-client';

let outDir: string;
let bundle: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  outDir = await mkdtemp(path.join(os.tmpdir(), 'warroom-signal-'));
  bundle = path.join(outDir, 'signal.cjs');
  await build({
    entryPoints: [path.join(path.dirname(fileURLToPath(import.meta.url)), 'cli.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'silent',
  });
});

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

interface Run {
  child: ChildProcess;
  output: () => string;
  waitForOutput: (pattern: RegExp) => Promise<RegExpMatchArray>;
  exited: Promise<number | null>;
}

const run = (env: Record<string, string>): Run => {
  const child = spawn(process.execPath, [bundle], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer): void => {
    output += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const waitForOutput = (pattern: RegExp): Promise<RegExpMatchArray> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`Timed out waiting for ${String(pattern)}; output so far:\n${output}`)), 10_000);
      const check = (): void => {
        const match = pattern.exec(output);
        if (!match) return;
        clearTimeout(timer);
        listeners.delete(check);
        resolve(match);
      };
      listeners.add(check);
      check();
    });
  return { child, output: () => output, waitForOutput, exited };
};

describe('signal CLI', () => {
  it('listens on HOST/PORT from the environment and shuts down cleanly on SIGTERM', async () => {
    const cli = run({ HOST: '127.0.0.1', PORT: '0' });
    const [, url] = await cli.waitForOutput(/Warroom signaling server listening on (ws:\/\/127\.0\.0\.1:\d+)/);
    const client = await TestClient.connect(url!);
    await client.sync();

    cli.child.kill('SIGTERM');
    expect((await client.waitClosed()).code).toBe(1001);
    expect(await cli.exited).toBe(0);
    expect(cli.output()).not.toMatch(/reachable on the LAN/);
  });

  it('on 0.0.0.0 also prints every LAN address', async () => {
    const cli = run({ HOST: '0.0.0.0', PORT: '0' });
    const [, port] = await cli.waitForOutput(/listening on ws:\/\/0\.0\.0\.0:(\d+)/);
    const expected = lanAddresses().map((address) => `reachable on the LAN at ws://${address}:${port}`);
    const last = expected.at(-1);
    if (last !== undefined) await waitUntil(() => cli.output().includes(`${last}\n`), 'the last LAN address line');
    for (const line of expected) expect(cli.output()).toContain(line);
    expect(cli.output().split('reachable on the LAN').length - 1).toBe(expected.length);
    cli.child.kill('SIGINT');
    expect(await cli.exited).toBe(0);
  });

  it('exits with an error for an invalid PORT', async () => {
    const cli = run({ HOST: '127.0.0.1', PORT: 'http' });
    expect(await cli.exited).toBe(1);
    expect(cli.output()).toMatch(/PORT must be an integer/);
  });
});
