import { readFile } from 'node:fs/promises';
import { test, expect, type Page } from '../support/fixtures';
import { addEntry, declareIncident, enterName, waitUntilSaved } from '../support/war-room-page';
import { expectTimelineEntry, roleAction, sidePane } from '../support/side-panes';
import { expectNoSeriousA11yViolations } from '../support/axe-scoped';

/*
 * A long incident run in shifts (ICS operational periods): the commander opens
 * a period with a goal and an end time, ends it, and the handoff brief is
 * written, copied as plain text and saved as Markdown; the incoming commander
 * acknowledges it, and the timeline, the metrics and the export show it all.
 */

const saveDownload = async (page: Page, click: () => Promise<void>) => {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
};

test('open a period, end it, hand over with the brief (copied, exported), acknowledge it, and see the periods everywhere', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  await enterName(page, 'Ada');
  await declareIncident(page, 'Card payments failing', 'SEV2');
  await roleAction(sidePane(page, 'Roles'), 'Take incident commander');
  await addEntry(page, 'decision', 'Freeze deploys before the shift');

  const shifts = sidePane(page, 'Shifts');
  // A blank goal and an end in the past are refused in sentences, and nothing is opened.
  await shifts.getByRole('button', { name: 'Open period' }).click();
  await expect(shifts.getByRole('alert')).toHaveText('New period: the goal is empty.');
  await shifts.getByLabel('Goal of period 1').fill('Stop the card failures');
  await shifts.getByLabel(/^Ends/).fill('2020-01-01T10:00');
  await shifts.getByRole('button', { name: 'Open period' }).click();
  await expect(shifts.getByRole('alert')).toContainText('The period must end after it starts');
  await expect(shifts.getByTestId('current-period')).toHaveCount(0);

  // The default end (8 hours from now) is accepted.
  await shifts.getByLabel(/^Ends/).fill(await page.evaluate(() => {
    const d = new Date(Date.now() + 8 * 3_600_000);
    const p = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
  }));
  await shifts.getByRole('button', { name: 'Open period' }).click();
  await expect(shifts.getByTestId('current-period')).toContainText('Period 1: Stop the card failures');
  await expectTimelineEntry(page, 'period', /Period 1 opened by Ada, planned to end .* UTC\. Goal: Stop the card failures/);
  await expect(page.getByTestId('period-separator')).toHaveText('Period 1: Stop the card failures');

  await addEntry(page, 'observation', 'chatter nobody needs');
  await addEntry(page, 'decision', 'Fail over to the standby processor');
  await addEntry(page, 'action', 'Restarted the payment workers');

  await shifts.getByRole('button', { name: 'End period and hand over' }).click();
  const dialog = page.getByRole('dialog', { name: 'Handoff brief, end of period 1' });
  const brief = await dialog.getByTestId('period-brief').inputValue();
  expect(brief).toMatch(/^# Handoff brief: Card payments failing \(end of period 1\)/);
  expect(brief).toContain("- This period's goal: Stop the card failures");
  expect(brief).toContain('- Status: investigating');
  expect(brief).toContain('- Incident commander: Ada');
  const changed = brief.slice(brief.indexOf('## What changed in period 1'), brief.indexOf('## Open runbook steps'));
  expect(changed).toContain('Fail over to the standby processor');
  expect(changed).toContain('Restarted the payment workers');
  expect(changed).not.toContain('chatter nobody needs');
  expect(changed).not.toContain('Freeze deploys before the shift');
  await expectTimelineEntry(page, 'period', 'Period 1 ended by Ada; the handoff brief is written');

  await dialog.getByRole('button', { name: 'Copy as plain text' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Copied as plain text.');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/^HANDOFF BRIEF: CARD PAYMENTS FAILING \(END OF PERIOD 1\)\n/);
  expect(copied).toContain('\nOpen actions:\n');
  expect(copied).not.toContain('## ');

  const md = await saveDownload(page, () => dialog.getByRole('button', { name: 'Export as Markdown' }).click());
  expect(md.name).toMatch(/-handoff-period-1\.md$/);
  expect(md.text).toBe(brief);
  await expectNoSeriousA11yViolations(page, 'dialog.brief-dialog');

  await dialog.getByRole('button', { name: 'Acknowledge handoff' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Ada acknowledged this handoff.');
  await expect(dialog.getByRole('button', { name: 'Acknowledge handoff' })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expectTimelineEntry(page, 'period', 'Ada acknowledged the handoff brief of period 1 and takes over.');
  await expect(shifts.getByTestId('pending-handoff')).toHaveCount(0);
  await expect(shifts.getByLabel('Goal of period 2')).toBeVisible();
  await waitUntilSaved(page);

  // The periods are in the record: they survive a reload, and show in the metrics and the export.
  await page.reload();
  await page.getByRole('tab', { name: 'Metrics' }).click();
  await expect(page.getByTestId('period-list')).toContainText(/Period 1: Stop the card failures · from .* · lasted .* · handed over to Ada/);
  await expectNoSeriousA11yViolations(page, 'section.periods-pane, .period-list');
  await page.locator('.export-menu summary').click();
  const exported = await saveDownload(page, () => page.getByRole('group', { name: 'Export this incident' }).getByRole('button', { name: 'Markdown' }).click());
  expect(exported.text).toContain('## Operational periods');
  expect(exported.text).toContain('| 1 | Stop the card failures |');
  expect(exported.text).toContain('## Handoff brief at the end of period 1');

  // And in the print view (PDF).
  await page.locator('.export-menu summary').click();
  await page.getByRole('group', { name: 'Export this incident' }).getByRole('button', { name: 'PDF (print)' }).click();
  const view = page.locator('body > .print-root');
  await page.emulateMedia({ media: 'print' });
  // The print view is aria-hidden (it is for paper), so it is read by its tags.
  await expect(view.locator('h2', { hasText: 'Operational periods' })).toBeVisible();
  await expect(view).toContainText('Stop the card failures');
  await expect(view.locator('h3', { hasText: 'Handoff brief at the end of period 1' })).toBeVisible();
});

test('"Hide system entries" leaves the entries that matter', async ({ page }) => {
  await page.goto('/');
  await enterName(page, 'Ada');
  await declareIncident(page, 'Queue backlog', 'SEV3');
  await roleAction(sidePane(page, 'Roles'), 'Take incident commander');
  await expectTimelineEntry(page, 'role_change', 'Ada is now incident commander');
  await addEntry(page, 'decision', 'Drain the queue');
  await page.getByLabel('Hide system entries').check();
  await expect(page.locator('[data-testid="timeline-entry"][data-kind="role_change"]')).toHaveCount(0);
  await expectTimelineEntry(page, 'decision', 'Drain the queue');
  await page.getByLabel('Hide system entries').uncheck();
  await expectTimelineEntry(page, 'role_change', 'Ada is now incident commander');
});
