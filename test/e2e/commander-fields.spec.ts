import { test, expect, type Page } from '../support/fixtures';
import { declareIncident, enterName, waitUntilSaved } from '../support/war-room-page';
import { expectTimelineEntry, sidePane } from '../support/side-panes';
import { expectNoSeriousA11yViolations } from '../support/axe-scoped';

const start = async (page: Page, title: string, severity = 'SEV2') => {
  await page.goto('/');
  await enterName(page, 'Ada');
  await declareIncident(page, title, severity);
};

test('impact and summary are edited in the war room, and the handoff brief and the update draft use them', async ({ page }) => {
  await start(page, 'Card payments failing');
  const pane = sidePane(page, 'Impact and summary');
  await pane.getByLabel('Impact').fill('One card payment in ten fails in the EU');
  await pane.getByRole('button', { name: 'Save impact' }).click();
  await expect(pane.getByRole('button', { name: 'Save impact' })).toHaveCount(0);
  await pane.getByLabel('Summary').fill('A bad deploy of the card gateway');
  await pane.getByRole('button', { name: 'Save summary' }).click();
  await expect(pane.getByLabel('Summary')).toHaveValue('A bad deploy of the card gateway');
  await waitUntilSaved(page);
  await page.reload();
  await expect(pane.getByLabel('Impact')).toHaveValue('One card payment in ten fails in the EU');
  await expectNoSeriousA11yViolations(page, 'section[aria-label="Impact and summary"]');

  await expect(sidePane(page, 'Updates').getByLabel('Update text')).toHaveValue(/Affected: One card payment in ten fails in the EU\./);
  await sidePane(page, 'Roles').getByRole('button', { name: 'Handoff brief' }).click();
  const brief = page.getByRole('dialog', { name: 'Handoff brief' }).getByTestId('handoff-brief');
  await expect(brief).toHaveValue(/- Impact: One card payment in ten fails in the EU\n- Summary: A bad deploy of the card gateway/);
});

test('a template applied a second time asks first; adding and moving steps are logged like checks', async ({ page }) => {
  await start(page, 'Checkout errors in EU', 'SEV1');
  const runbook = sidePane(page, 'Runbook');
  const steps = runbook.getByTestId('runbook-step');
  await runbook.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(steps).toHaveCount(10);

  const asked: string[] = [];
  page.once('dialog', (d) => {
    asked.push(d.message());
    void d.dismiss();
  });
  await runbook.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect.poll(() => asked).toEqual(['The template “Major incident (SEV1/SEV2)” was applied already. Applying it again adds its 10 steps a second time. Apply it again?']);
  await expect(steps).toHaveCount(10);
  page.once('dialog', (d) => void d.accept());
  await runbook.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(steps).toHaveCount(20);

  await runbook.getByLabel('New step').fill('Page the card vendor');
  await page.keyboard.press('Enter');
  await expectTimelineEntry(page, 'runbook', 'Runbook: added “Page the card vendor”');
  await runbook.getByRole('button', { name: 'Move “Page the card vendor” up' }).click();
  await expectTimelineEntry(page, 'runbook', 'Runbook: moved “Page the card vendor” from position 21 to 20');
});
