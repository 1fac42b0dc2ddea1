#!/usr/bin/env node
// Takes the README's screenshots: builds nothing, serves dist/renderer with
// `vite preview`, drives Chromium through a short incident, and writes PNGs to
// docs/screenshots/. Run `npm run build:renderer` first (npm run screenshots does).
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
import { resolveChromium } from './chromium-path.mjs';

const PORT = 4195;
const BASE = `http://127.0.0.1:${PORT}`;
const OUT = new URL('../docs/screenshots/', import.meta.url).pathname;
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { stdio: 'ignore' });
const waitForServer = async () => {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(BASE)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('vite preview did not start');
};

const browser = await chromium.launch({ executablePath: (await resolveChromium()) ?? undefined, args: ARGS });
try {
  await waitForServer();
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
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
    await page.waitForTimeout(150);
  }
  await shot('3-war-room-timeline');

  await page.getByRole('tab', { name: 'Postmortem' }).click();
  await page.getByRole('button', { name: 'Start from template' }).click();
  await page.getByRole('button', { name: 'Draft from timeline' }).click();
  await page.waitForTimeout(300);
  await shot('4-postmortem');

  await page.getByRole('tab', { name: 'Metrics' }).click();
  await page.waitForTimeout(800);
  await shot('5-metrics');

  await page.goto(`${BASE}/#/`);
  await page.getByTestId('incident-row').first().waitFor();
  await shot('6-incident-list');
  console.log(`screenshots written to ${OUT}`);
} finally {
  await browser.close();
  server.kill();
}
