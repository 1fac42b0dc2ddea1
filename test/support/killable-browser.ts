import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { CHROMIUM_ARGS, chromiumPath } from './browser';
import { throttleContext } from './slowdown';

/**
 * A Chromium this test starts itself, on a given profile, so it has the PID
 * and can SIGKILL it as a crash or a power cut would: no unload handlers, no
 * graceful flush. Playwright drives it over the DevTools protocol. The
 * browser leads its own process group, and the kill goes to that group by
 * its PID (the renderer and GPU processes too); never to a name or pattern.
 */
export interface KillableBrowser {
  pid: number;
  browser: Browser;
  context: BrowserContext;
  kill(): Promise<void>;
  close(): Promise<void>;
}

export const launchKillable = async (profileDir: string): Promise<KillableBrowser> => {
  const executable = await chromiumPath();
  if (!executable) throw new Error('no Chromium to launch');
  const child: ChildProcess = spawn(executable, [...CHROMIUM_ARGS, '--headless', `--user-data-dir=${profileDir}`, '--remote-debugging-port=0', 'about:blank'], {
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const wsUrl = await new Promise<string>((resolve, reject) => {
    let err = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(err);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`Chromium exited (${code}) before it listened: ${err.slice(-500)}`)));
  });
  child.stderr!.resume();
  const browser = await chromium.connectOverCDP(wsUrl);
  const context = browser.contexts()[0]!;
  await throttleContext(context);
  const pid = child.pid!;
  const killGroup = () => {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  return {
    pid,
    browser,
    context,
    kill: async () => {
      killGroup();
      await exited;
      await browser.close().catch(() => undefined);
    },
    close: async () => {
      await browser.close().catch(() => undefined);
      killGroup();
      await exited;
    },
  };
};
