import { test, expect, type Page } from '../support/fixtures';
import { addEntry, declareIncident, enterName, waitUntilSaved } from '../support/war-room-page';
import { sidePane } from '../support/side-panes';

/*
 * The record is evidence: what the issue found erasable, driven through the UI.
 */

const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';
const rows = (page: Page) => page.getByTestId('timeline-entry');

/** Every row's kind and text, as shown (retracted ones included). */
const timelineRows = async (page: Page) =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll('[data-testid="timeline-entry"]')).map((el) => ({
      kind: el.getAttribute('data-kind'),
      retracted: el.getAttribute('data-retracted') === 'true',
      text: el.querySelector('.entry-text')?.textContent ?? '',
    })),
  );

test('ten undos after an entry, a status change, a handoff and a posted update erase nothing', async ({ page }) => {
  await page.goto('/');
  await enterName(page, 'Ada');
  await declareIncident(page, 'Checkout errors in EU', 'SEV1');
  await addEntry(page, 'observation', 'Error rate at 40%');

  await page.getByTestId('incident-status').click();
  await page.getByRole('menu', { name: 'Status' }).getByRole('menuitemradio', { name: 'identified' }).click();
  await expect(page.getByTestId('incident-status')).toHaveText('identified');

  const roles = sidePane(page, 'Roles');
  await roles.getByRole('button', { name: 'Take incident commander' }).click();
  await roles.getByRole('button', { name: 'Hand off incident commander' }).click();
  await page.getByLabel('Hand off incident commander to').fill('Grace');
  await page.keyboard.press('Enter');
  await expect(roles.locator('[data-role="commander"]')).toHaveAttribute('data-holder', 'Grace');

  const updates = sidePane(page, 'Updates');
  await updates.getByLabel('Update text').fill('We have found the cause of the failed card payments.');
  await updates.getByRole('button', { name: 'Post and copy' }).click();
  await expect(updates.getByTestId('posted-update')).toHaveCount(1);
  await waitUntilSaved(page);
  const before = await timelineRows(page);
  expect(before.length).toBeGreaterThanOrEqual(6);

  await rows(page).first().focus();
  for (let i = 0; i < 10; i++) await page.keyboard.press(`${MOD}+z`);
  // Each undo is a logged change: wait for the last of them (the observation retracted as undone).
  const observation = rows(page).filter({ has: page.locator('.entry-text', { hasText: 'Error rate at 40%' }) });
  await expect(observation).toHaveAttribute('data-retracted', 'true');
  await expect(observation).toContainText('undone');
  await waitUntilSaved(page);

  // Every entry that was there is still there, with its text; what undo did was added after them.
  const after = await timelineRows(page);
  for (const row of before) expect(after.map((r) => r.text)).toContain(row.text);
  expect(after.filter((r) => r.text.startsWith('Undone by Ada:')).map((r) => r.kind).sort()).toEqual(['role_change', 'role_change', 'status_change']);
  // The update stays posted: undo said so instead of taking it back.
  await expect(updates.getByTestId('posted-update')).toHaveCount(1);
  await expect(page.getByTestId('notice').filter({ hasText: 'A posted stakeholder update cannot be taken back. Post a correction instead.' })).toBeVisible();
  await expect(page.getByTestId('incident-status')).toHaveText('investigating');
  await expect(roles.locator('[data-role="commander"]')).toHaveAttribute('data-holder', '');

  // And it is all on disk.
  await page.reload();
  await expect(rows(page)).toHaveCount(after.length);
});
