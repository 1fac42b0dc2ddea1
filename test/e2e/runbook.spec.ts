import { test, expect, type Page } from '../support/fixtures';
import { declareIncident, enterName, waitUntilSaved } from '../support/war-room-page';
import { expectTimelineEntry, sidePane } from '../support/side-panes';
import { expectNoSeriousA11yViolations } from '../support/axe-scoped';
import { expectSaving, holdDiskWrites } from '../support/slow-disk';

const steps = (page: Page) => sidePane(page, 'Runbook').getByTestId('runbook-step');
const stepTitles = (page: Page) => steps(page).locator('.step-title');
const step = (page: Page, title: string) => steps(page).filter({ has: page.locator('.step-title', { hasText: title }) });

const start = async (page: Page, title: string, severity = 'SEV1') => {
  await page.goto('/');
  await enterName(page, 'Ada');
  await declareIncident(page, title, severity);
};

test('apply a template, check, skip with a reason and confirm a risky step: each lands in the timeline', async ({ page }) => {
  await start(page, 'Checkout errors in EU');
  const runbook = sidePane(page, 'Runbook');
  await expect(runbook.getByLabel('Template')).toHaveValue('default:major');
  await runbook.getByRole('button', { name: 'Apply' }).click();
  await expect(steps(page)).toHaveCount(10);
  await expectTimelineEntry(page, 'runbook', 'Runbook: applied “Major incident (SEV1/SEV2)” (10 steps)');

  await runbook.getByRole('checkbox', { name: 'Confirm scope and impact' }).check();
  await expect(step(page, 'Confirm scope and impact')).toHaveAttribute('data-state', 'done');
  await expect(step(page, 'Confirm scope and impact')).toContainText('done by Ada');
  await expectTimelineEntry(page, 'runbook', 'Runbook: done “Confirm scope and impact”');

  await runbook.getByRole('button', { name: 'Skip “Set the severity”' }).click();
  await runbook.getByLabel('Reason for skipping “Set the severity”').fill('set by the on-call already');
  await page.keyboard.press('Enter');
  await expect(step(page, 'Set the severity')).toHaveAttribute('data-state', 'skipped');
  await expect(step(page, 'Set the severity').getByTestId('skip-reason')).toContainText('set by the on-call already');
  await expectTimelineEntry(page, 'runbook', 'Runbook: skipped “Set the severity” — set by the on-call already');
  await expect(runbook.getByTestId('runbook-progress')).toHaveText('2 of 10 steps settled (1 skipped)');
  await expect(runbook.getByRole('progressbar', { name: 'Runbook progress' })).toHaveAttribute('aria-valuenow', '2');

  // A risky step asks first and shows its rollback; cancelling leaves it open.
  const risky = 'Apply containment from the runbook';
  await runbook.getByRole('checkbox', { name: risky }).click();
  const confirm = runbook.getByRole('group', { name: `Confirm risky step “${risky}”` });
  await expect(confirm).toContainText('Rollback: Revert the containment change');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(step(page, risky)).toHaveAttribute('data-state', 'todo');
  await runbook.getByRole('checkbox', { name: risky }).click();
  await runbook.getByRole('button', { name: 'Confirm, mark done' }).click();
  await expect(step(page, risky)).toHaveAttribute('data-state', 'done');
  await expectTimelineEntry(page, 'runbook', `Runbook: done “${risky}”`);

  await runbook.getByRole('button', { name: 'Reopen “Set the severity”' }).click();
  await expect(step(page, 'Set the severity')).toHaveAttribute('data-state', 'todo');
  await expectTimelineEntry(page, 'runbook', 'Runbook: reopened “Set the severity” (was skipped)');

  await runbook.getByRole('button', { name: 'Assign “Open the timeline”' }).click();
  await runbook.getByLabel('Assign “Open the timeline” to').fill('Bob');
  await page.keyboard.press('Enter');
  await expect(step(page, 'Open the timeline')).toContainText('@Bob');
  await expectTimelineEntry(page, 'runbook', 'Runbook: “Open the timeline” assigned to Bob');
  await expectNoSeriousA11yViolations(page, 'section[aria-label="Runbook"]');
});

test('reorder steps from the keyboard; the order survives a reload', async ({ page }) => {
  await start(page, 'Queue backlog', 'SEV3');
  const runbook = sidePane(page, 'Runbook');
  for (const title of ['Drain queue', 'Scale consumers', 'Notify team']) {
    await runbook.getByLabel('New step').fill(title);
    await page.keyboard.press('Enter');
    await expect(step(page, title)).toHaveCount(1);
  }
  await expect(stepTitles(page)).toHaveText(['Drain queue', 'Scale consumers', 'Notify team']);

  await runbook.getByRole('button', { name: 'Move “Notify team” up' }).focus();
  await page.keyboard.press('Enter');
  await expect(stepTitles(page)).toHaveText(['Drain queue', 'Notify team', 'Scale consumers']);
  await runbook.getByRole('button', { name: 'Move “Notify team” up' }).click();
  await expect(stepTitles(page)).toHaveText(['Notify team', 'Drain queue', 'Scale consumers']);
  await expect(runbook.getByRole('button', { name: 'Move “Notify team” up' })).toBeDisabled();
  await runbook.getByRole('button', { name: 'Move “Drain queue” down' }).click();
  await expect(stepTitles(page)).toHaveText(['Notify team', 'Scale consumers', 'Drain queue']);
  await waitUntilSaved(page);

  await page.reload();
  await expect(stepTitles(page)).toHaveText(['Notify team', 'Scale consumers', 'Drain queue']);
});

test('remove a step that does not apply: it leaves the plan, keeps its reason, is logged, and can be restored', async ({ page }) => {
  await start(page, 'Single-region API errors', 'SEV3');
  const runbook = sidePane(page, 'Runbook');
  for (const title of ['Check the dashboards', 'Fail over to the other region', 'Post an update']) {
    await runbook.getByLabel('New step').fill(title);
    await page.keyboard.press('Enter');
    await expect(step(page, title)).toHaveCount(1);
  }
  await runbook.getByRole('checkbox', { name: 'Check the dashboards' }).check();
  await expect(step(page, 'Check the dashboards')).toHaveAttribute('data-state', 'done');
  // A done step is a record of work: it offers no removal.
  await expect(runbook.getByRole('button', { name: 'Remove “Check the dashboards”' })).toHaveCount(0);

  await runbook.getByRole('button', { name: 'Remove “Fail over to the other region”' }).click();
  await runbook.getByLabel('Reason for removing “Fail over to the other region”').fill('the service runs in one region');
  await page.keyboard.press('Enter');
  await expect(stepTitles(page)).toHaveText(['Check the dashboards', 'Post an update']);
  await expect(runbook.getByTestId('runbook-progress')).toHaveText('1 of 2 steps settled');
  await expectTimelineEntry(page, 'runbook', 'Runbook: removed “Fail over to the other region” — the service runs in one region');
  const removed = runbook.getByTestId('removed-steps');
  await removed.getByText('Removed steps (1)').click();
  await expect(removed.getByTestId('removed-step')).toContainText('removed by Ada');
  await expect(removed.getByTestId('removed-step')).toContainText('the service runs in one region');
  await waitUntilSaved(page);

  // It is in the document, not only on screen: a reload shows it removed, and restoring brings it back where it was.
  await page.reload();
  await runbook.getByTestId('removed-steps').getByText('Removed steps (1)').click();
  await runbook.getByRole('button', { name: 'Restore “Fail over to the other region”' }).click();
  await expect(stepTitles(page)).toHaveText(['Check the dashboards', 'Fail over to the other region', 'Post an update']);
  await expect(runbook.getByTestId('removed-steps')).toHaveCount(0);
  await expectTimelineEntry(page, 'runbook', 'Runbook: restored “Fail over to the other region” (removed by Ada: the service runs in one region)');
  await expectNoSeriousA11yViolations(page, 'section[aria-label="Runbook"]');
});

test('a custom template is created, kept on the device, and applied after a reload', async ({ page }) => {
  await start(page, 'Primary DB unreachable');
  const runbook = sidePane(page, 'Runbook');
  await runbook.getByRole('button', { name: 'New template' }).click();
  const dialog = page.getByRole('dialog', { name: 'New template' });
  await dialog.getByLabel('Name').fill('DB failover');
  await dialog.getByLabel('Step 1 title').fill('Promote the replica');
  await dialog.getByRole('checkbox', { name: 'Risky' }).first().check();
  await dialog.getByLabel('Step 1 rollback').fill('Demote it and repoint to the old primary');
  await dialog.getByRole('button', { name: 'Add step' }).click();
  await dialog.getByLabel('Step 2 title').fill('Repoint the app');
  await expectNoSeriousA11yViolations(page, 'dialog.template-dialog');
  await dialog.getByRole('button', { name: 'Save template' }).click();
  await expect(dialog).toBeHidden();

  await page.reload();
  const picker = runbook.getByLabel('Template');
  await expect(picker.locator('option', { hasText: 'DB failover' })).toHaveCount(1);
  await picker.selectOption({ label: 'DB failover (2 steps)' });
  await runbook.getByRole('button', { name: 'Apply' }).click();
  await expect(stepTitles(page)).toHaveText(['Promote the replica', 'Repoint the app']);
  await expect(step(page, 'Promote the replica').locator('.badge.risky')).toBeVisible();
  await expect(step(page, 'Promote the replica')).toContainText('Rollback: Demote it and repoint to the old primary');
  await expectTimelineEntry(page, 'runbook', 'Runbook: applied “DB failover” (2 steps)');

  // Edit it: the change is stored, the incident's steps stay as applied.
  await runbook.getByRole('button', { name: 'Edit template DB failover' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit template' });
  await edit.getByLabel('Name').fill('DB failover v2');
  await edit.getByRole('button', { name: 'Save template' }).click();
  await expect(picker.locator('option', { hasText: 'DB failover v2' })).toHaveCount(1);
  await expect(stepTitles(page)).toHaveText(['Promote the replica', 'Repoint the app']);
});

test('a step typed while the one before is still being saved is kept', async ({ page }) => {
  await start(page, 'Disk busy');
  await waitUntilSaved(page);
  const runbook = sidePane(page, 'Runbook');
  const release = await holdDiskWrites(page);
  await runbook.getByLabel('New step').fill('Drain the queue');
  await runbook.getByRole('button', { name: 'Add step' }).click();
  await expect(stepTitles(page)).toHaveText(['Drain the queue']);
  await expectSaving(page);
  // Typed while the first step is not on disk yet: the slow write must not wipe it.
  await runbook.getByLabel('New step').fill('Page the vendor');
  await release();
  await waitUntilSaved(page);
  await expect(runbook.getByLabel('New step')).toHaveValue('Page the vendor');
  await runbook.getByRole('button', { name: 'Add step' }).click();
  await expect(stepTitles(page)).toHaveText(['Drain the queue', 'Page the vendor']);
});
