#!/usr/bin/env node
// Takes the README's screenshots: builds nothing, serves dist/renderer with
// Vite's preview server inside this process, drives Chromium through a short
// incident, and writes PNGs to docs/screenshots/. Run `npm run build:renderer`
// first (npm run screenshots does). The server is in-process and on a free
// port: a `vite preview` child (through npx, a shell and node) outlived
// server.kill() and held its port, so a second run failed.
import { chromium } from '@playwright/test';
import { preview } from 'vite';
import { resolveChromium } from './chromium-path.mjs';

const OUT = new URL('../docs/screenshots/', import.meta.url).pathname;
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const server = await preview({
  configFile: new URL('../vite.config.ts', import.meta.url).pathname,
  preview: { host: '127.0.0.1', port: 0, strictPort: true },
  logLevel: 'warn',
});
const BASE = server.resolvedUrls.local[0].replace(/\/$/, '');
console.log(`serving dist/renderer on ${BASE}`);

let browser;
try {
  browser = await chromium.launch({ executablePath: (await resolveChromium()) ?? undefined, args: ARGS });
  // The app follows the OS's scheme; the README's pictures show the dark theme.
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: 'dark' });
  const shot = (name) => page.screenshot({ path: `${OUT}${name}.png` });
  await page.goto(BASE);
  await page.getByLabel('Your name').fill('Ada Lovelace');
  await page.getByRole('button', { name: 'Continue' }).click();
  await shot('1-empty-list');

  await page.getByRole('banner').getByRole('button', { name: 'Declare incident' }).click();
  const dialog = page.getByRole('dialog', { name: 'Declare incident' });
  await dialog.getByLabel('Title').fill('Checkout returns 500 for EU customers');
  await dialog.getByRole('radio', { name: /SEV1/ }).check();
  await shot('2-declare');
  await dialog.getByRole('button', { name: 'Declare' }).click();
  await page.getByTestId('incident-title').waitFor();

  const runbook = page.getByRole('region', { name: 'Runbook' });
  await runbook.getByRole('button', { name: 'Apply' }).click();
  const input = page.getByTestId('capture-input');
  const entries = [
    ['O', '-12m p99 latency on /checkout above 4 s in eu-west-1'],
    ['A', '-8m Rolled back payments-api to 2026.11.26-3'],
    ['D', 'Freeze all deploys until error rate < 0.5%'],
    ['C', 'Status page updated: degraded checkout in EU'],
  ];
  for (const [key, text] of entries) {
    await input.focus();
    await page.keyboard.press(`Alt+Key${key}`);
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
    await page.getByText(text.replace(/^-\d+m /, '')).first().waitFor();
  }
  await shot('3-war-room-timeline');
  // Half a laptop screen: the incident bar and the entry box still fit.
  await page.setViewportSize({ width: 960, height: 1000 });
  await page.getByTestId('incident-bar').waitFor();
  await shot('3b-war-room-960');
  await page.setViewportSize({ width: 1440, height: 900 });

  await page.getByRole('tab', { name: 'Postmortem' }).click();
  await page.getByRole('button', { name: 'Start from template' }).click();
  await page.getByRole('button', { name: 'Draft from timeline' }).click();
  await page.getByRole('toolbar', { name: 'Postmortem tools' }).getByText(/^Drafted:/).waitFor();
  await shot('4-postmortem');

  await page.getByRole('tab', { name: 'Metrics' }).click();
  // The phase bar's chart is loaded lazily; wait for it (or for its "nothing to measure" line).
  const phases = page.getByTestId('phase-bar');
  await phases.locator('svg').or(phases.getByText('No phase can be measured yet')).first().waitFor();
  await shot('5-metrics');

  await page.goto(`${BASE}/#/`);
  await page.getByTestId('incident-row').first().waitFor();
  await shot('6-incident-list');
  console.log(`screenshots written to ${OUT}`);
} finally {
  await browser?.close();
  await server.close();
}
