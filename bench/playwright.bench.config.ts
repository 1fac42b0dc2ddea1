import { defineConfig } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, chromiumPath } from '../test/support/browser';

/** Benchmarks print figures; they never pass or fail on time. One worker: browsers share two cores. */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
// Override when these ports are taken (several checkouts benchmarking on one machine).
const APP_PORT = Number(process.env.BENCH_APP_PORT ?? 4180);
const BARE_PORT = Number(process.env.BENCH_BARE_PORT ?? 4181);
process.env.BENCH_BARE_URL = `http://127.0.0.1:${BARE_PORT}/`;

export default defineConfig({
  testDir: '.',
  testMatch: /.*\.bench\.ts$/,
  workers: 1,
  timeout: 20 * 60_000,
  reporter: [['list']],
  globalSetup: './global-setup.ts',
  globalTeardown: './global-teardown.ts',
  use: {
    baseURL: `http://127.0.0.1:${APP_PORT}`,
    trace: 'off',
    launchOptions: { executablePath: await chromiumPath(), args: CHROMIUM_ARGS },
  },
  webServer: [
    { command: `npx vite preview --host 127.0.0.1 --port ${APP_PORT} --strictPort`, cwd: ROOT, url: `http://127.0.0.1:${APP_PORT}`, reuseExistingServer: false },
    {
      command: `npx vite preview --host 127.0.0.1 --port ${BARE_PORT} --strictPort --outDir ${ROOT}dist/bench`,
      cwd: ROOT,
      url: `http://127.0.0.1:${BARE_PORT}`,
      reuseExistingServer: false,
    },
  ],
  metadata: { barePort: BARE_PORT },
});
