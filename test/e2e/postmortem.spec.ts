import { test, expect, type Page } from '../support/fixtures';
import { addEntry, declareIncident, enterName, waitUntilSaved } from '../support/war-room-page';
import { expectNoSeriousA11yViolations } from '../support/axe-scoped';

const openPostmortem = async (page: Page) => {
  await page.getByRole('tab', { name: 'Postmortem' }).click();
  const editor = page.getByTestId('postmortem-editor');
  await expect(editor).toBeVisible();
  return editor;
};

/** The block right after the level-2 heading `title`. */
const afterHeading = (page: Page, title: string, sibling = 'p') =>
  page.getByTestId('postmortem-editor').locator(`h2:text-is("${title}") + ${sibling}`);

test('text typed in the postmortem is still there after a reload', async ({ page }) => {
  await page.goto('/');
  await enterName(page, 'Ada');
  await declareIncident(page, 'Payments timing out', 'SEV2');
  const editor = await openPostmortem(page);
  await editor.click();
  await page.keyboard.type('A bad connection-pool setting starved payments.');
  await expect(editor).toContainText('A bad connection-pool setting starved payments.');
  await waitUntilSaved(page);

  await page.reload();
  const again = await openPostmortem(page);
  await expect(again).toContainText('A bad connection-pool setting starved payments.');
  await expectNoSeriousA11yViolations(page, '.main-pane');
});

test('draft from timeline adds pinned and key entries and never overwrites the typed summary', async ({ page }) => {
  await page.goto('/');
  await enterName(page, 'Ada');
  await declareIncident(page, 'Checkout errors in EU', 'SEV1');
  // Alt+P pins the next entry.
  await page.getByTestId('capture-input').focus();
  await page.keyboard.press('Alt+KeyP');
  await addEntry(page, 'observation', 'Error rate spiked to 40%');
  await expect(page.locator('[data-testid="timeline-entry"][data-pinned="true"]')).toContainText('Error rate spiked to 40%');
  await addEntry(page, 'observation', 'Unrelated chatter nobody pinned');
  await addEntry(page, 'decision', 'Freeze all deploys');
  await waitUntilSaved(page);

  await openPostmortem(page);
  await page.getByRole('button', { name: 'Start from template' }).click();
  await expect(page.getByRole('button', { name: 'Start from template' })).toBeHidden();
  for (const title of ['Summary', 'Impact', 'Detection', 'Trigger', 'Contributing factors', 'Resolution', 'What went well', 'What went wrong', 'Where we got lucky', 'Timeline', 'Action items']) {
    await expect(page.getByTestId('postmortem-editor').locator(`h2:text-is("${title}")`)).toHaveCount(1);
  }
  await afterHeading(page, 'Summary').click();
  await page.keyboard.type('Summary typed by hand.');

  await page.getByRole('button', { name: 'Draft from timeline' }).click();
  const timeline = afterHeading(page, 'Timeline', 'ul');
  await expect(timeline).toContainText('Observation: Error rate spiked to 40% (Ada)');
  await expect(timeline).toContainText('Decision: Freeze all deploys (Ada)');
  await expect(timeline).toContainText('Incident declared: SEV1 — Checkout errors in EU');
  await expect(timeline).not.toContainText('Unrelated chatter');
  await expect(timeline.locator('li').first()).toContainText(/\d{4}-\d\d-\d\d \d\d:\d\d UTC/);
  // The typed summary is untouched and nothing was slipped in after it.
  await expect(afterHeading(page, 'Summary')).toHaveText('Summary typed by hand.');
  await expect(afterHeading(page, 'Summary', 'p + h2')).toHaveText('Impact');

  // Drafting again adds nothing that is already there.
  const lines = await timeline.locator('li').count();
  await page.getByRole('button', { name: 'Draft from timeline' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Nothing to add' })).toBeVisible();
  await expect(timeline.locator('li')).toHaveCount(lines);

  await waitUntilSaved(page);
  await page.reload();
  await openPostmortem(page);
  await expect(afterHeading(page, 'Timeline', 'ul')).toContainText('Error rate spiked to 40%');
  await expect(afterHeading(page, 'Summary')).toHaveText('Summary typed by hand.');
});

test('action items with owner and due date, overdue highlighted, listed across incidents', async ({ page }) => {
  await page.goto('/');
  await enterName(page, 'Grace');
  await declareIncident(page, 'Queue backlog', 'SEV3');
  await openPostmortem(page);
  const form = page.getByRole('form', { name: 'Add action item' });
  const add = async (title: string, owner: string, due: string) => {
    await form.getByLabel('Action item').fill(title);
    await form.getByLabel('Owner').fill(owner);
    await form.getByLabel('Due').fill(due);
    await form.getByRole('button', { name: 'Add action item' }).click();
    await expect(form.getByLabel('Action item')).toHaveValue('');
  };
  await add('Alert on queue depth', 'Bob', '2020-01-15');
  await add('Autoscale the workers', 'Linus', '2999-12-31');

  const late = page.getByTestId('action-row').filter({ has: page.getByRole('textbox', { name: 'Title of “Alert on queue depth”' }) });
  const fine = page.getByTestId('action-row').filter({ has: page.getByRole('textbox', { name: 'Title of “Autoscale the workers”' }) });
  await expect(late).toHaveAttribute('data-overdue', 'true');
  await expect(late).toContainText('Overdue');
  await expect(late.getByLabel('Owner of “Alert on queue depth”')).toHaveValue('Bob');
  await expect(late.getByLabel('Due date of “Alert on queue depth”')).toHaveValue('2020-01-15');
  await expect(fine).toHaveAttribute('data-overdue', 'false');
  await expect(page.getByRole('heading', { name: /Action items/ })).toContainText('1 overdue');
  await expectNoSeriousA11yViolations(page, '.main-pane');
  await waitUntilSaved(page);

  await page.getByRole('button', { name: '← All incidents' }).click();
  await page.getByRole('button', { name: 'All action items' }).click();
  const rows = page.getByTestId('tracker-row');
  await expect(rows).toHaveCount(2);
  const lateRow = rows.filter({ hasText: 'Alert on queue depth' });
  await expect(lateRow).toContainText('Queue backlog');
  await expect(lateRow).toContainText('Bob');
  await expect(lateRow).toHaveAttribute('data-overdue', 'true');
  await expect(rows.filter({ hasText: 'Autoscale the workers' })).toHaveAttribute('data-overdue', 'false');
  await expectNoSeriousA11yViolations(page, 'main');

  // Done is no longer overdue, here and on the cross-incident page.
  await lateRow.getByRole('button', { name: 'Queue backlog' }).click();
  await expect(late).toBeVisible();
  await late.getByLabel('Status of “Alert on queue depth”').selectOption('done');
  await expect(late).toHaveAttribute('data-overdue', 'false');
  await waitUntilSaved(page);
  await page.getByRole('button', { name: '← All incidents' }).click();
  await page.getByRole('button', { name: 'All action items' }).click();
  await expect(rows).toHaveCount(1);
  await page.getByLabel('Show done and won’t do').check();
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: 'Alert on queue depth' })).toHaveAttribute('data-overdue', 'false');
});
