import { test, expect } from '../support/fixtures';
import { launchKillable } from '../support/killable-browser';
import { addEntry, expectAuthoredTexts, declareIncident, enterName, waitUntilSaved } from '../support/war-room-page';
import { freshProfileDir, launchProfile } from '../support/browser';

const ENTRIES = [
  { kind: 'observation', text: 'Checkout p99 latency at 4s' },
  { kind: 'action', text: 'Rolled back deploy 2024.11.3' },
  { kind: 'decision', text: 'Freeze all deploys until resolved' },
] as const;

test('declare an incident, add three kinds of entry, and find them all after a reload', async ({ page }) => {
  await page.goto('/');
  await enterName(page, 'Ada');
  await expect(page.getByText('No incidents on this device')).toBeVisible();
  await declareIncident(page, 'Checkout errors in EU', 'SEV1');
  await expect(page.getByTestId('incident-severity')).toHaveText('SEV1');
  await expect(page.getByTestId('incident-status')).toHaveText('investigating');

  for (const e of ENTRIES) await addEntry(page, e.kind, e.text);
  await expect(page.getByTestId('timeline-entry')).toHaveCount(4); // + "Incident declared"
  for (const e of ENTRIES) {
    const row = page.locator(`[data-testid="timeline-entry"][data-kind="${e.kind}"]`);
    await expect(row).toContainText(e.text);
    await expect(row).toContainText('Ada');
    await expect(row.locator('time')).toHaveText(/^\d\d:\d\d:\d\d (UTC|[A-Z]{3,4}|GMT[+-]\d+)$/);
  }
  await waitUntilSaved(page);

  await page.reload();
  await expect(page.getByTestId('incident-title')).toHaveText('Checkout errors in EU');
  await expectAuthoredTexts(page, ENTRIES.map((e) => e.text));

  await page.goto('/');
  await expect(page.getByTestId('incident-row')).toHaveCount(1);
  await expect(page.getByTestId('incident-row')).toContainText('Checkout errors in EU');
  await expect(page.getByTestId('incident-row')).toContainText('SEV1');
});

test('entries survive closing the browser and opening a new one on the same profile', async ({ baseURL }) => {
  const dir = freshProfileDir();
  let ctx = await launchProfile(dir, baseURL!);
  let page = ctx.pages()[0] ?? (await ctx.newPage());
  await page.goto('/');
  await enterName(page, 'Grace');
  await declareIncident(page, 'Queue backlog', 'SEV2');
  for (const e of ENTRIES) await addEntry(page, e.kind, e.text);
  const url = page.url();
  await waitUntilSaved(page);
  await ctx.close();

  ctx = await launchProfile(dir, baseURL!);
  page = ctx.pages()[0] ?? (await ctx.newPage());
  await page.goto(url);
  await expect(page.getByTestId('incident-title')).toHaveText('Queue backlog');
  await expectAuthoredTexts(page, ENTRIES.map((e) => e.text));
  await ctx.close();
});

test('an entry added right before the browser is closed is still there afterwards', async ({ baseURL }) => {
  const dir = freshProfileDir();
  let ctx = await launchProfile(dir, baseURL!);
  let page = ctx.pages()[0] ?? (await ctx.newPage());
  await page.goto('/');
  await enterName(page, 'Linus');
  await declareIncident(page, 'DNS flapping', 'SEV3');
  const url = page.url();
  await addEntry(page, 'note', 'last words before closing');
  // The UI says "saved" only after the IndexedDB commit; close the moment it does.
  await waitUntilSaved(page);
  await ctx.close();

  ctx = await launchProfile(dir, baseURL!);
  page = ctx.pages()[0] ?? (await ctx.newPage());
  await page.goto(url);
  await expectAuthoredTexts(page, ['last words before closing']);
  await ctx.close();
});

test('an entry reported saved survives the browser being killed outright', async ({ baseURL }) => {
  const dir = freshProfileDir();
  const killable = await launchKillable(dir);
  let page = killable.context.pages()[0] ?? (await killable.context.newPage());
  await page.goto(new URL('/', baseURL).href);
  await enterName(page, 'Barbara');
  await declareIncident(page, 'Disk full on db-3', 'SEV2');
  const url = page.url();
  await addEntry(page, 'action', 'Deleted old WAL segments');
  await waitUntilSaved(page);
  // SIGKILL the browser's process group, by its PID: no unload handlers, no graceful flush.
  await killable.kill();

  const ctx = await launchProfile(dir, baseURL!);
  page = ctx.pages()[0] ?? (await ctx.newPage());
  await page.goto(url);
  await expectAuthoredTexts(page, ['Deleted old WAL segments']);
  await ctx.close();
});
