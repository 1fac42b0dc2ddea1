import { test, expect, type Page } from '../support/fixtures';
import { addEntry, declareIncident, enterName, waitUntilSaved } from '../support/war-room-page';
import { roleAction, sidePane } from '../support/side-panes';

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
  await roleAction(roles, 'Take incident commander');
  await roleAction(roles, 'Hand off incident commander');
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

test.describe('times typed are read in the zone shown, with the typed date’s offset', () => {
  // Los Angeles: 2015-10-21 is PDT (UTC-7), while the machine's "now" may be in PST (UTC-8).
  test.use({ timezoneId: 'America/Los_Angeles' });

  const entry = (page: Page, text: string) => rows(page).filter({ has: page.locator('.entry-text', { hasText: text }) });

  test('back-dating from the entry box and the editor, in local time and in UTC', async ({ page }) => {
    await page.goto('/');
    await enterName(page, 'Ada');
    await declareIncident(page, 'Back to the future', 'SEV3');

    // A full date and time in the entry box, read in local time with 2015's offset.
    await addEntry(page, 'observation', '2015-10-21 14:51 Marty arrives');
    await expect(entry(page, 'Marty arrives').locator('time')).toHaveText('2015-10-2114:51:00 PDT');
    await expect(entry(page, 'Marty arrives').locator('time')).toHaveAttribute('datetime', '2015-10-21T21:51:00.000Z');
    // A day heading at each change of day: 2015, then today.
    await expect(page.getByTestId('day-separator').first()).toHaveText(/^Wednesday,? 21 October 2015$/);
    await expect(page.getByTestId('day-separator')).toHaveCount(2);

    // The same time in UTC view; "Z" in the box means UTC whatever is shown.
    await page.getByRole('button', { name: 'Local time' }).click();
    await expect(entry(page, 'Marty arrives').locator('time')).toHaveText('2015-10-2121:51:00 UTC');
    await addEntry(page, 'note', '2015-10-21 14:51Z Doc waits');
    await expect(entry(page, 'Doc waits').locator('time')).toHaveAttribute('datetime', '2015-10-21T14:51:00.000Z');

    // The editor shows and reads the zone the list shows (it used local time even in UTC view).
    await entry(page, 'Marty arrives').focus();
    await page.keyboard.press('e');
    const when = page.getByLabel('When it happened (UTC)');
    await expect(when).toHaveValue(/^2015-10-21 21:51(:00)?$/);
    // Change only the date: the wall-clock time stays, whatever the offset on that date.
    await when.fill('2015-11-05T21:51:00');
    await page.keyboard.press('Enter');
    await expect(entry(page, 'Marty arrives').locator('time')).toHaveAttribute('datetime', '2015-11-05T21:51:00.000Z');

    // Back in local time: 5 November 2015 is PST, and the editor says so.
    await page.getByRole('button', { name: 'UTC' }).click();
    await expect(entry(page, 'Marty arrives').locator('time')).toHaveText('2015-11-0513:51:00 PST');
    await entry(page, 'Marty arrives').focus();
    await page.keyboard.press('e');
    const local = page.getByLabel('When it happened (PST)');
    await expect(local).toHaveValue(/^2015-11-05 13:51(:00)?$/);
    await local.fill('2015-10-21T14:51:00');
    await expect(page.getByLabel('When it happened (PDT)')).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(entry(page, 'Marty arrives').locator('time')).toHaveAttribute('datetime', '2015-10-21T21:51:00.000Z');
    await waitUntilSaved(page);
  });

  test('the status still moves after the lifecycle is set to past times', async ({ page }) => {
    await page.goto('/');
    await enterName(page, 'Ada');
    await declareIncident(page, 'Shakespeare search down', 'SEV2');
    const setTime = async (label: string, value: string) => {
      await page.getByRole('button', { name: `Edit ${label.toLowerCase()} time` }).click();
      await page.getByLabel(`${label} time`).fill(value);
      await page.keyboard.press('Enter');
      await expect(page.getByTestId(`milestone-${label.toLowerCase()}`).locator('time')).toBeVisible();
    };
    await setTime('Declared', '2015-10-21T08:01:00');
    await setTime('Started', '2015-10-21T07:54:00');
    await setTime('Mitigated', '2015-10-21T08:36:00');
    for (const status of ['identified', 'resolved', 'closed']) {
      await page.getByTestId('incident-status').click();
      await page.getByRole('menu', { name: 'Status' }).getByRole('menuitemradio', { name: status }).click();
      await expect(page.getByTestId('incident-status')).toHaveText(status);
    }
    await expect(page.getByRole('alert')).toHaveCount(0);
    // Acknowledged took the declared time rather than now, and the timeline says why.
    await expect(page.getByTestId('milestone-acknowledged').locator('time')).toHaveAttribute('datetime', '2015-10-21T15:01:00.000Z');
    await expect(rows(page).filter({ hasText: "acknowledged set to declared's time, since now would be after mitigated" })).toHaveCount(1);

    // A time typed out of order is refused with the milestones in words and times as people read them.
    await page.getByRole('button', { name: 'Edit resolved time' }).click();
    await page.getByLabel('Resolved time').fill('2015-10-21T08:00:00');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert')).toHaveText(/^Declared \(21 Oct 2015, 08:01 PDT\) cannot be later than resolved \(21 Oct 2015, 08:00 PDT\)/);
  });
});
