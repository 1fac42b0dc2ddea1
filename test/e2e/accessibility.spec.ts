import { test, expect } from '../support/fixtures';
import { expectNoSeriousViolations } from '../support/axe';
import { addEntry, declareIncident, enterName, waitUntilSaved } from '../support/war-room-page';

// The app's CSP (script-src 'self') rightly refuses an injected script; let axe in for the scan.
test.use({ bypassCSP: true });

test('every screen has no serious or critical axe violation', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByLabel('Your name')).toBeVisible();
  await expectNoSeriousViolations(page, 'name prompt');

  await enterName(page, 'Ada');
  await expect(page.getByText('No incidents on this device')).toBeVisible();
  await expectNoSeriousViolations(page, 'empty incident list');

  await page.getByRole('banner').getByRole('button', { name: 'Declare incident' }).click();
  await expect(page.getByRole('dialog', { name: 'Declare incident' })).toBeVisible();
  await expectNoSeriousViolations(page, 'declare dialog');
  await page.keyboard.press('Escape');

  await declareIncident(page, 'Checkout errors in EU', 'SEV1');
  await addEntry(page, 'observation', 'p99 latency at 4s');
  await addEntry(page, 'decision', 'Freeze deploys');
  await waitUntilSaved(page);
  await expectNoSeriousViolations(page, 'war room timeline');

  await page.getByRole('button', { name: 'Edit detected time' }).click();
  await expect(page.getByLabel('Detected time')).toBeFocused();
  await expectNoSeriousViolations(page, 'lifecycle time editor');
  await page.keyboard.press('Escape');

  await page.getByTestId('incident-severity').click();
  await expect(page.getByRole('menu', { name: 'Severity' })).toBeVisible();
  await expectNoSeriousViolations(page, 'severity menu');
  await page.keyboard.press('Escape');

  // Every main pane the war room has (postmortem and metrics among them).
  const tabs = page.getByRole('tablist', { name: 'War room views' }).getByRole('tab');
  const names = await tabs.allTextContents();
  expect(names).toEqual(expect.arrayContaining(['Timeline', 'Metrics']));
  for (const name of names) {
    await tabs.filter({ hasText: name }).click();
    await expect(page.getByRole('tabpanel', { name })).toBeVisible();
    if (name === 'Metrics') await expect(page.getByTestId('phase-acknowledge')).toBeVisible();
    await expectNoSeriousViolations(page, `war room ${name} pane`);
  }

  await page.keyboard.press('Control+k');
  await expect(page.getByRole('dialog', { name: 'Command palette' })).toBeVisible();
  await expectNoSeriousViolations(page, 'command palette');
  await page.keyboard.press('Escape');

  await page.getByRole('tab', { name: 'Timeline' }).focus();
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await expectNoSeriousViolations(page, 'shortcut overlay');
  await page.keyboard.press('Escape');

  await page.goto('/#/');
  await declareIncident(page, 'Game day: region failover', 'SEV3');
  await page.goto('/#/');
  await expect(page.getByTestId('incident-row')).toHaveCount(2);
  await expectNoSeriousViolations(page, 'incident list with incidents');

  await page.getByRole('button', { name: 'Metrics across incidents' }).click();
  await expect(page.getByRole('heading', { name: 'Metrics across incidents' })).toBeVisible();
  await expect(page.getByTestId('severity-table')).toBeVisible();
  await expectNoSeriousViolations(page, 'metrics across incidents');
});

test('the light theme passes too', async ({ page }) => {
  await page.goto('/');
  await enterName(page, 'Grace');
  await page.getByRole('button', { name: 'Light theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expectNoSeriousViolations(page, 'empty list, light');
  await declareIncident(page, 'Queue backlog', 'SEV2');
  await addEntry(page, 'action', 'Scaled consumers to 12');
  await waitUntilSaved(page);
  await expectNoSeriousViolations(page, 'war room, light');
  await page.goto('/#/');
  await expect(page.getByTestId('incident-row')).toHaveCount(1);
  await expectNoSeriousViolations(page, 'incident list, light');
  await page.goto('/#/metrics');
  await expect(page.getByTestId('severity-table')).toBeVisible();
  await expectNoSeriousViolations(page, 'metrics across incidents, light');
});
