import { test, expect, type Page } from '../support/fixtures';
import { declareIncident, enterName, waitUntilSaved } from '../support/war-room-page';
import { expectTimelineEntry, roleAction, sidePane } from '../support/side-panes';
import { expectNoSeriousA11yViolations } from '../support/axe-scoped';

const role = (page: Page, name: string) => sidePane(page, 'Roles').locator(`[data-testid="role-row"][data-role="${name}"]`);

test('take a role, hand it off by typing a name, and see both in the timeline', async ({ page }) => {
  await page.goto('/');
  await enterName(page, 'Ada');
  await declareIncident(page, 'Checkout errors in EU', 'SEV1');
  const roles = sidePane(page, 'Roles');

  await roleAction(roles, 'Take incident commander');
  await expect(role(page, 'commander')).toHaveAttribute('data-holder', 'Ada');
  await expect(role(page, 'commander')).toContainText('(you)');
  await expectTimelineEntry(page, 'role_change', 'Ada is now incident commander');

  await roleAction(roles, 'Hand off incident commander');
  await page.getByLabel('Hand off incident commander to').fill('Grace');
  await page.keyboard.press('Enter');
  await expect(role(page, 'commander')).toHaveAttribute('data-holder', 'Grace');
  await roles.getByRole('button', { name: 'Incident commander actions' }).click();
  await expect(roles.getByRole('menuitem', { name: 'Take incident commander' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expectTimelineEntry(page, 'role_change', 'Incident commander handed off from Ada to Grace');

  // The name typed before is now a suggestion; typing it again picks the same person.
  await roleAction(roles, 'Assign scribe');
  await page.getByLabel('Assign scribe to').fill('grace');
  await roles.getByRole('button', { name: 'Assign', exact: true }).click();
  await expect(role(page, 'scribe')).toHaveAttribute('data-holder', 'Grace');

  await roleAction(roles, 'Release scribe');
  await expect(role(page, 'scribe')).toHaveAttribute('data-holder', '');
  await expectTimelineEntry(page, 'role_change', 'Grace released scribe');
  await waitUntilSaved(page);

  // Roles are in the document: they survive a reload.
  await page.reload();
  await expect(role(page, 'commander')).toHaveAttribute('data-holder', 'Grace');
  await expectNoSeriousA11yViolations(page, 'section[aria-label="Roles"]');
});

test('several subject-matter experts, each handed off on their own', async ({ page }) => {
  await page.goto('/');
  await enterName(page, 'Ada');
  await declareIncident(page, 'Replication lag', 'SEV2');
  const roles = sidePane(page, 'Roles');
  const experts = roles.getByTestId('expert-row');

  await roles.getByLabel("Expert's name").fill('Bob');
  await roles.getByLabel("Expert's area").fill('Postgres');
  await roles.getByRole('button', { name: 'Add expert' }).click();
  await roles.getByRole('button', { name: 'Take subject-matter expert' }).click();
  await expect(experts).toHaveCount(2);
  await expect(experts.filter({ hasText: 'Bob' })).toContainText('Postgres');
  await expectTimelineEntry(page, 'role_change', 'Bob joined as subject-matter expert (Postgres)');

  await roles.getByRole('button', { name: 'Hand off subject-matter expert Bob' }).click();
  await page.getByLabel("Hand off Bob's area to").fill('Cy');
  await page.keyboard.press('Enter');
  await expect(experts.filter({ hasText: 'Cy' })).toContainText('Postgres');
  await expect(experts.filter({ hasText: 'Bob' })).toHaveCount(0);
  await expectTimelineEntry(page, 'role_change', 'Subject-matter expert (Postgres) handed off from Bob to Cy');
});

test('the handoff brief names the role holders and the open steps, and is copied', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  await enterName(page, 'Ada');
  await declareIncident(page, 'Payments timeouts', 'SEV1');
  const roles = sidePane(page, 'Roles');
  await roleAction(roles, 'Take incident commander');
  await roleAction(roles, 'Assign communications lead');
  await page.getByLabel('Assign communications lead to').fill('Linus');
  await page.keyboard.press('Enter');
  await expect(role(page, 'comms')).toHaveAttribute('data-holder', 'Linus');
  await roles.getByLabel("Expert's name").fill('Bob');
  await roles.getByLabel("Expert's area").fill('Kafka');
  await roles.getByRole('button', { name: 'Add expert' }).click();

  const runbook = sidePane(page, 'Runbook');
  await runbook.getByLabel('New step').fill('Fail over payments to eu-west');
  await runbook.getByRole('button', { name: 'Add step' }).click();
  await runbook.getByLabel('New step').fill('Page the vendor');
  await runbook.getByRole('button', { name: 'Add step' }).click();
  await runbook.getByRole('checkbox', { name: 'Page the vendor' }).check();
  await expect(runbook.getByTestId('runbook-step').filter({ hasText: 'Page the vendor' })).toHaveAttribute('data-state', 'done');

  await roles.getByRole('button', { name: 'Handoff brief' }).click();
  const dialog = page.getByRole('dialog', { name: 'Handoff brief' });
  const brief = dialog.getByTestId('handoff-brief');
  await expect(brief).toHaveValue(/Incident commander: Ada/);
  const text = await brief.inputValue();
  expect(text).toContain('Communications lead: Linus');
  expect(text).toContain('Deputy: UNASSIGNED');
  expect(text).toContain('Subject-matter experts: Bob (Kafka)');
  expect(text).toContain('- [ ] Fail over payments to eu-west');
  expect(text).not.toContain('Page the vendor');
  expect(text).toContain('Severity: SEV1');
  expect(text).toMatch(/Next update due: \d\d:\d\d UTC/);
  await expect(dialog.getByRole('status')).toHaveText('Copied to the clipboard.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
  await expectNoSeriousA11yViolations(page, 'dialog.brief-dialog');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
});
