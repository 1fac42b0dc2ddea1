import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../support/browser';

/**
 * `npm run test:readme`: every command in the README's table, run from a clean
 * copy of the repository (global-setup.ts). One worker: the commands share that
 * copy's dist/, and two builds at once would overwrite each other.
 */
export default defineConfig({
  testDir: '.',
  globalSetup: './global-setup.ts',
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Each check builds (vite, esbuild) on a loaded two-core machine before it can look at anything.
  timeout: 600_000,
  expect: { timeout: 60_000 },
  reporter: [['list']],
  use: {
    trace: 'off',
    launchOptions: { executablePath: await chromiumPath(), args: CHROMIUM_ARGS },
  },
});
