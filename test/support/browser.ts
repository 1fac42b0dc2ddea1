import { chromium, type BrowserContext } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveChromium } from '../../scripts/chromium-path.mjs';
import { throttleContext } from './slowdown';

/** The flags this machine needs: no sandbox as root, and no calls home on a closed network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const chromiumPath = async (): Promise<string | undefined> => (await resolveChromium()) ?? undefined;

export const freshProfileDir = (): string => mkdtempSync(join(tmpdir(), 'warroom-profile-'));

/** A browser on a profile directory that outlives it, for restart tests. */
export const launchProfile = async (dir: string, baseURL: string): Promise<BrowserContext> => {
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: await chromiumPath(),
    headless: true,
    args: CHROMIUM_ARGS,
    baseURL,
  });
  await throttleContext(context);
  return context;
};
