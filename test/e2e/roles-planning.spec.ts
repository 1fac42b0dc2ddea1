import { test, expect, type Page } from '../support/fixtures';
import { declareIncident, enterName } from '../support/war-room-page';
import { expectTimelineEntry, roleAction, sidePane } from '../support/side-panes';
import { expectNoSeriousA11yViolations } from '../support/axe-scoped';

const role = (page: Page, name: string) => sidePane(page, 'Roles').locator(`[data-testid="role-row"][data-role="${name}"]`);

test('a planning lead can be assigned, and one person as commander and deputy needs a confirmation', async ({ page }) => {
  await page.goto('/');
  await enterName(page, 'Ada');
  await declareIncident(page, 'Storage cluster degraded', 'SEV2');
  const roles = sidePane(page, 'Roles');

  await roleAction(roles, 'Assign planning lead');
  await page.getByLabel('Assign planning lead to').fill('Grace');
  await page.keyboard.press('Enter');
  await expect(role(page, 'planning')).toHaveAttribute('data-holder', 'Grace');
  await expectTimelineEntry(page, 'role_change', 'Grace is now planning lead');

  await roleAction(roles, 'Take incident commander');
  await expect(role(page, 'commander')).toHaveAttribute('data-holder', 'Ada');

  // Declining leaves the deputy role free; nothing is logged.
  const asked: string[] = [];
  page.once('dialog', (d) => {
    asked.push(d.message());
    void d.dismiss();
  });
  await roleAction(roles, 'Take deputy');
  await expect.poll(() => asked).toEqual(['Ada is already incident commander. One person as both incident commander and deputy leaves nobody to take over. Make Ada deputy as well?']);
  await expect(role(page, 'deputy')).toHaveAttribute('data-holder', '');
  await expect(page.locator('[data-testid="timeline-entry"][data-kind="role_change"]').filter({ hasText: 'Ada is now deputy' })).toHaveCount(0);

  page.once('dialog', (d) => void d.accept());
  await roleAction(roles, 'Take deputy');
  await expect(role(page, 'deputy')).toHaveAttribute('data-holder', 'Ada');
  await expectTimelineEntry(page, 'role_change', 'Ada is now deputy');

  await roles.getByRole('button', { name: 'Handoff brief' }).click();
  const brief = page.getByRole('dialog', { name: 'Handoff brief' }).getByTestId('handoff-brief');
  await expect(brief).toHaveValue(/- Planning lead: Grace/);
  await expectNoSeriousA11yViolations(page, 'section[aria-label="Roles"]');
});
