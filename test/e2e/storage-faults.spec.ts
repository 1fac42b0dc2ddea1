import { test, expect, type Page } from '../support/fixtures';
import { addEntry, declareIncident, enterName, expectAuthoredTexts, waitUntilSaved } from '../support/war-room-page';

/*
 * Faults of the local database, in real IndexedDB: another tab of the same
 * profile, the database deleted from elsewhere, and damaged stored rows.
 * Each gets a clear message, and nothing in memory is lost.
 */

const notice = (page: Page, text: RegExp) => page.getByTestId('notice').filter({ hasText: text });

test('two tabs of one profile see each other’s changes, and the list follows', async ({ page, context }) => {
  await page.goto('/');
  await enterName(page, 'Ada');
  await declareIncident(page, 'Two tabs', 'SEV3');
  await addEntry(page, 'observation', 'typed in the first tab');
  await waitUntilSaved(page);
  const url = page.url();

  const second = await context.newPage();
  await second.goto(url);
  await expectAuthoredTexts(second, ['typed in the first tab']);
  await addEntry(second, 'decision', 'typed in the second tab');
  await expectAuthoredTexts(page, ['typed in the first tab', 'typed in the second tab']);

  await page.getByRole('button', { name: 'Rename incident' }).click();
  await page.getByLabel('Incident title').fill('Two tabs, renamed');
  await page.keyboard.press('Enter');
  await expect(second.getByTestId('incident-title')).toHaveText('Two tabs, renamed');
  await waitUntilSaved(page);
  await waitUntilSaved(second);
  await second.goto('/#/');
  await expect(second.getByTestId('incident-row')).toHaveText(/Two tabs, renamed/);
});

test('the database deleted from another tab is written back from memory, and the person is told', async ({ page, context }) => {
  await page.goto('/');
  await enterName(page, 'Ada');
  await declareIncident(page, 'Database pulled away', 'SEV2');
  await addEntry(page, 'observation', 'only this window still has me');
  await waitUntilSaved(page);

  const other = await context.newPage();
  await other.goto('/');
  await expect(other.getByRole('heading', { name: 'Incidents', exact: true })).toBeVisible();
  await other.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const r = indexedDB.deleteDatabase('warroom');
        r.onsuccess = () => resolve();
        r.onerror = () => reject(r.error);
      }),
  );
  await other.close();

  await expect(notice(page, /local database was deleted from another tab or window/)).toBeVisible();
  await addEntry(page, 'note', 'typed after the deletion');
  await waitUntilSaved(page);
  // A new tab reads it all from the disk: the incident, its entries, and the profile (no name prompt).
  const fresh = await context.newPage();
  await fresh.goto(page.url());
  await expectAuthoredTexts(fresh, ['only this window still has me', 'typed after the deletion']);
  await expect(fresh.getByLabel('Your name')).toHaveCount(0);
});

test('a damaged stored row is set aside and named, and everything else loads', async ({ page }) => {
  await page.goto('/');
  await enterName(page, 'Ada');
  await declareIncident(page, 'Damaged disk', 'SEV3');
  await addEntry(page, 'observation', 'written before the damage');
  await waitUntilSaved(page);
  const id = /#\/incident\/([A-Za-z0-9_-]+)/.exec(page.url())![1]!;
  await page.evaluate(
    (incidentId) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('warroom');
        open.onsuccess = () => {
          const tx = open.result.transaction('docUpdates', 'readwrite');
          tx.objectStore('docUpdates').add({ incidentId, update: new Uint8Array([0, 255, 7, 1, 99, 3, 4]) });
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    id,
  );
  await page.reload();
  await expectAuthoredTexts(page, ['written before the damage']);
  await expect(notice(page, /One stored change of this incident could not be read and was set aside/)).toBeVisible();
});
