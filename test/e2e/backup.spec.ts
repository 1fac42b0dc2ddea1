import { test, expect, type Browser, type Page } from '../support/fixtures';
import { throttleContext } from '../support/slowdown';
import { addEntry, declareIncident, enterName, expectAuthoredTexts, waitUntilSaved } from '../support/war-room-page';

/*
 * Users own their data: one action writes everything on this device into a
 * file (every incident, its archive mark and share, the templates, the name
 * and the theme), and a fresh profile restored from it holds the same. A
 * file that is not a backup is refused with a sentence, and nothing appears.
 */

const listedTitles = (page: Page) => page.getByTestId('incident-row').getByRole('button');

const freshPage = async (browser: Browser) => {
  const context = await browser.newContext();
  await throttleContext(context);
  const page = await context.newPage();
  await page.goto('/');
  await enterName(page, 'Bob');
  return { context, page };
};

const backUp = async (page: Page) => {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Back up everything' }).click()]);
  return { name: download.suggestedFilename(), bytes: await (await import('node:fs/promises')).readFile((await download.path())!) };
};

test('back up everything, restore it into a fresh profile: the same incidents, archive marks and entries; a wrong file changes nothing', async ({ page, browser }) => {
  await page.goto('/');
  await enterName(page, 'Ada');
  await declareIncident(page, 'Checkout returns 500', 'SEV2');
  await addEntry(page, 'observation', 'Error rate 12% on /checkout');
  await waitUntilSaved(page);
  await page.getByRole('button', { name: '← All incidents' }).click();
  await declareIncident(page, 'Disk full on db-3', 'SEV3');
  await addEntry(page, 'action', 'Deleted old WAL segments');
  await page.getByRole('button', { name: 'Archive…' }).click();
  await page.getByRole('dialog', { name: 'Archive “Disk full on db-3”?' }).getByRole('button', { name: 'Archive', exact: true }).click();
  await expect(listedTitles(page)).toHaveText(['Checkout returns 500']);

  const file = await backUp(page);
  expect(file.name).toMatch(/^warroom-backup-\d{4}-\d{2}-\d{2}\.json$/);
  await expect(page.getByText('Backed up 2 incidents, with templates and settings.')).toBeVisible();

  const { context, page: fresh } = await freshPage(browser);
  try {
    const restore = fresh.getByLabel('Restore from backup');
    // Not a backup: refused with a sentence, and nothing appears.
    await restore.setInputFiles({ name: 'incident.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ format: 'warroom.incident', schemaVersion: 2 })) });
    await expect(fresh.getByTestId('backup-error')).toHaveText('This backup cannot be restored: the file is not a Warroom backup (an exported incident is imported with "Import incident…"). Nothing was changed.');
    await restore.setInputFiles({ name: file.name, mimeType: 'application/json', buffer: file.bytes.subarray(0, file.bytes.length - 40) });
    await expect(fresh.getByTestId('backup-error')).toContainText('the file is not JSON text');
    await expect(fresh.getByText('No incidents on this device')).toBeVisible();

    await restore.setInputFiles({ name: file.name, mimeType: 'application/json', buffer: file.bytes });
    await expect(fresh.getByText('Restored: 2 new incidents, 0 incidents merged into the copy here, 0 templates, 0 shares.')).toBeVisible();
    await expect(fresh.getByTestId('backup-error')).toHaveCount(0);
    // The archive mark came along: one listed, the other under "Show archived".
    await expect(listedTitles(fresh)).toHaveText(['Checkout returns 500']);
    await fresh.getByLabel('Show archived (1)').check();
    await expect(listedTitles(fresh)).toHaveCount(2);
    await fresh.getByTestId('incident-row').filter({ hasText: 'Disk full on db-3' }).getByRole('button', { name: 'Disk full on db-3' }).click();
    await expectAuthoredTexts(fresh, ['Deleted old WAL segments']);
    // On disk, not only in memory.
    await fresh.reload();
    await expectAuthoredTexts(fresh, ['Deleted old WAL segments']);
  } finally {
    await context.close();
  }
});
