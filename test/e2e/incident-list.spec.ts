import { test, expect, type Page } from '../support/fixtures';
import { addEntry, declareIncident, enterName, waitUntilSaved } from '../support/war-room-page';

const rows = (page: Page) => page.getByTestId('incident-row');
const titles = (page: Page) => rows(page).getByRole('button');

const declareDrill = async (page: Page, title: string, severity: string) => {
  await page.getByRole('banner').getByRole('button', { name: 'Declare incident' }).click();
  const dialog = page.getByRole('dialog', { name: 'Declare incident' });
  await dialog.getByLabel('Title').fill(title);
  await dialog.getByRole('radio', { name: new RegExp(severity) }).check();
  await dialog.getByLabel(/This is a drill/).check();
  await dialog.getByRole('button', { name: 'Declare' }).click();
  await expect(page.getByTestId('incident-title')).toHaveText(title);
};

const toList = async (page: Page) => {
  await page.getByRole('button', { name: '← All incidents' }).click();
  await expect(rows(page).first()).toBeVisible();
};

/** Three incidents, declared in this order: a SEV2 with a rollback in its timeline, a resolved SEV1, a SEV3 drill. */
const seed = async (page: Page) => {
  await page.goto('/');
  await enterName(page, 'Ada');
  await declareIncident(page, 'Queue backlog growing', 'SEV2');
  await addEntry(page, 'action', 'Rolled back consumer deploy 2024.11.3');
  await waitUntilSaved(page);
  await page.goto('/#/');
  await declareIncident(page, 'Checkout errors in EU', 'SEV1');
  await page.getByTestId('incident-status').click();
  await page.getByRole('menuitemradio', { name: 'resolved' }).click();
  await expect(page.getByTestId('incident-status')).toHaveText('resolved');
  await waitUntilSaved(page);
  await page.goto('/#/');
  await declareDrill(page, 'Game day: DNS failover', 'SEV3');
  await waitUntilSaved(page);
  await toList(page);
  await expect(rows(page)).toHaveCount(3);
};

test('each row shows severity, status, how long, and who commands', async ({ page }) => {
  await seed(page);
  const checkout = rows(page).filter({ hasText: 'Checkout errors in EU' });
  await expect(checkout).toContainText('SEV1');
  await expect(checkout).toContainText('resolved');
  await expect(checkout.getByTestId('incident-age')).toHaveText(/^resolved in \d/);
  await expect(checkout).toContainText('none'); // no commander assigned
  const queue = rows(page).filter({ hasText: 'Queue backlog growing' });
  await expect(queue.getByTestId('incident-age')).toHaveText(/^open \d/);
  await expect(rows(page).filter({ hasText: 'Game day' })).toContainText('DRILL');
});

test('search finds incidents by title and by what was written in their timeline', async ({ page }) => {
  await seed(page);
  const search = page.getByRole('searchbox', { name: 'Search incidents' });
  await search.fill('checkout');
  await expect(titles(page)).toHaveText(['Checkout errors in EU']);
  // "rolled" is only in an entry of the queue incident, never in a title.
  await search.fill('rolled back');
  await expect(titles(page)).toHaveText(['Queue backlog growing']);
  await search.fill('2024.11.3');
  await expect(titles(page)).toHaveText(['Queue backlog growing']);
  await search.fill('rolled checkout');
  await expect(page.getByTestId('no-match')).toBeVisible();
  await expect(page.getByTestId('list-count')).toHaveText('0 of 3');
  await page.getByRole('button', { name: 'Clear filters' }).first().click();
  await expect(rows(page)).toHaveCount(3);
  await expect(search).toHaveValue('');
});

test('filters by severity, status and drill combine, and are kept while visiting an incident', async ({ page }) => {
  await seed(page);
  const severity = page.getByRole('group', { name: 'Severity' });
  const status = page.getByRole('group', { name: 'Status' });

  await severity.getByRole('checkbox', { name: 'SEV1' }).check();
  await expect(titles(page)).toHaveText(['Checkout errors in EU']);
  await severity.getByRole('checkbox', { name: 'SEV2' }).check();
  await expect(rows(page)).toHaveCount(2);
  await status.getByRole('checkbox', { name: 'investigating' }).check();
  await expect(titles(page)).toHaveText(['Queue backlog growing']);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(rows(page)).toHaveCount(3);

  await page.getByRole('combobox', { name: 'Drills' }).selectOption({ label: 'Drills only' });
  await expect(titles(page)).toHaveText(['Game day: DNS failover']);
  await page.getByRole('combobox', { name: 'Drills' }).selectOption({ label: 'Real incidents only' });
  await expect(rows(page)).toHaveCount(2);
  await expect(rows(page).filter({ hasText: 'Game day' })).toHaveCount(0);

  await titles(page).first().click();
  await expect(page.getByTestId('incident-title')).toBeVisible();
  await toList(page);
  await expect(page.getByRole('combobox', { name: 'Drills' })).toHaveValue('real');
  await expect(rows(page)).toHaveCount(2);
});

test('sorts by declared time, last update or severity, in either order', async ({ page }) => {
  await seed(page);
  const sortBy = page.getByRole('combobox', { name: 'Sort by' });
  const order = page.getByRole('combobox', { name: 'Order' });

  await sortBy.selectOption({ label: 'Declared' });
  await expect(titles(page)).toHaveText(['Game day: DNS failover', 'Checkout errors in EU', 'Queue backlog growing']);
  await expect(page.getByRole('columnheader', { name: 'Declared' })).toHaveAttribute('aria-sort', 'descending');
  await order.selectOption({ label: 'Oldest first' });
  await expect(titles(page)).toHaveText(['Queue backlog growing', 'Checkout errors in EU', 'Game day: DNS failover']);

  await sortBy.selectOption({ label: 'Severity' });
  await order.selectOption({ label: 'Most severe first' });
  await expect(titles(page)).toHaveText(['Checkout errors in EU', 'Queue backlog growing', 'Game day: DNS failover']);

  // Writing in the oldest incident makes it the most recently updated.
  await sortBy.selectOption({ label: 'Last updated' });
  await order.selectOption({ label: 'Newest first' });
  await expect(titles(page).first()).toHaveText('Game day: DNS failover');
  await titles(page).filter({ hasText: 'Queue backlog growing' }).click();
  await addEntry(page, 'note', 'consumers caught up');
  await waitUntilSaved(page);
  await toList(page);
  await expect(titles(page).first()).toHaveText('Queue backlog growing');
});
