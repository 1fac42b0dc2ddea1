import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './test/support/browser';

const PORT = Number(process.env.WARROOM_E2E_PORT ?? 4173);
export const BASE_URL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: './test/e2e',
  // Two cores: two workers keep the machine responsive; WebRTC suites run their own browsers.
  workers: process.env.CI ? 2 : undefined,
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Sized for a loaded two-core CI machine, not a quiet one: a lazily loaded
  // chunk, an axe pass or a WebRTC handshake took over 10 s there. Tests wait
  // on states (expect retries until the state holds), so a generous limit
  // costs nothing when things are fast. WARROOM_E2E_SLOWDOWN=4 throttles every
  // page's CPU fourfold to check that the suite still holds (test/support/slowdown.ts).
  timeout: 240_000,
  expect: { timeout: 45_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: BASE_URL,
    trace: 'retain-on-failure',
    // The app follows the OS's colour scheme; the suites run on a dark OS (the war-room default), and
    // ergonomics.spec.ts switches the emulated scheme to check the following.
    colorScheme: 'dark',
    launchOptions: { executablePath: await chromiumPath(), args: CHROMIUM_ARGS },
  },
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: BASE_URL,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
