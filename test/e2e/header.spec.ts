import { test, expect, type Page } from '../support/fixtures';
import { declareIncident, enterName, waitUntilSaved } from '../support/war-room-page';

const entries = (page: Page, kind: string) => page.locator(`[data-testid="timeline-entry"][data-kind="${kind}"] .entry-text`);

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await enterName(page, 'Ada');
  await declareIncident(page, 'Checkout errors in EU', 'SEV2');
});

test('severity and status change from the keyboard, and each change is logged to the timeline', async ({ page }) => {
  const severity = page.getByTestId('incident-severity');
  await severity.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu', { name: 'Severity' });
  await expect(menu.getByRole('menuitemradio', { name: 'SEV2' })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(severity).toHaveText('SEV1');
  await expect(severity).toBeFocused();
  await expect(entries(page, 'severity_change')).toHaveText(['Severity SEV2 → SEV1']);

  // A digit picks the n-th option; Escape leaves things as they were.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('3');
  await expect(severity).toHaveText('SEV3');
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(severity).toHaveText('SEV3');
  await expect(entries(page, 'severity_change')).toHaveText(['Severity SEV2 → SEV1', 'Severity SEV1 → SEV3']);

  const status = page.getByTestId('incident-status');
  await status.focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(status).toHaveText('identified');
  await expect(entries(page, 'status_change').last()).toHaveText('Status investigating → identified');
  // Reaching "identified" records when the incident was acknowledged.
  await expect(page.getByTestId('milestone-acknowledged').locator('time')).toBeVisible();
  await waitUntilSaved(page);

  await page.reload();
  await expect(page.getByTestId('incident-severity')).toHaveText('SEV3');
  await expect(page.getByTestId('incident-status')).toHaveText('identified');
});

test('the title is renamed from the keyboard, and the drill flag toggles', async ({ page }) => {
  await page.getByRole('button', { name: 'Rename incident' }).focus();
  await page.keyboard.press('Enter');
  const field = page.getByRole('textbox', { name: 'Incident title' });
  await expect(field).toBeFocused();
  await field.fill('   ');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'title is empty' })).toBeVisible();
  await field.fill('Payments errors in EU');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('incident-title')).toHaveText('Payments errors in EU');
  await expect(entries(page, 'lifecycle')).toHaveText(['Title changed from “Checkout errors in EU” to “Payments errors in EU”']);

  const drill = page.getByRole('switch', { name: 'Drill' });
  await expect(drill).toHaveAttribute('aria-checked', 'false');
  await drill.focus();
  await page.keyboard.press('Enter');
  // A SEV2 made a drill asks first (incident-bar.spec.ts covers the dialog).
  await page.getByRole('dialog', { name: /as a drill\?/ }).getByRole('button', { name: 'Mark as a drill' }).click();
  await expect(drill).toHaveAttribute('aria-checked', 'true');
  await expect(entries(page, 'drill')).toHaveText(['Marked as a drill: left out of metrics']);
});

test('lifecycle times can be edited, and an out-of-order time is refused with the reason beside the field', async ({ page }) => {
  await page.getByRole('button', { name: 'Edit detected time' }).click();
  const detected = page.getByLabel('Detected time');
  await expect(detected).toBeFocused();
  await detected.fill('2024-01-01T10:05:00');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('milestone-detected').locator('time')).toHaveText(/2024-01-01 10:05:00/);
  await expect(entries(page, 'lifecycle')).toHaveText([/^Set the detected time to 1 Jan 2024, \d\d:05 UTC$/]);

  // Started after detected: the domain refuses, the field stays open with its message.
  await page.getByRole('button', { name: 'Edit started time' }).click();
  const started = page.getByLabel('Started time');
  await started.fill('2024-01-01T11:00:00');
  await page.keyboard.press('Enter');
  const refusal = page.getByTestId('milestone-started').getByRole('alert');
  await expect(refusal).toHaveText(/^Impact started \(1 Jan 2024, 11:00 [A-Z+0-9]+\) cannot be later than detected \(1 Jan 2024, 10:05 [A-Z+0-9]+\)/);
  await expect(started).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('milestone-started').locator('time')).toHaveCount(0);
  await expect(entries(page, 'lifecycle')).toHaveCount(1);

  // Corrected, it is accepted.
  await started.fill('2024-01-01T09:30:00');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('milestone-started').locator('time')).toHaveText(/2024-01-01 09:30:00/);
  await expect(entries(page, 'lifecycle')).toHaveCount(2);

  // Escape cancels an edit without a change; a time can be cleared, except "declared".
  await page.getByRole('button', { name: 'Edit started time' }).click();
  await page.getByLabel('Started time').fill('2024-01-01T09:00:00');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('milestone-started').locator('time')).toHaveText(/09:30:00/);
  await page.getByRole('button', { name: 'Edit started time' }).click();
  await page.getByRole('button', { name: 'Clear' }).click();
  await expect(page.getByTestId('milestone-started').locator('time')).toHaveCount(0);
  await page.getByRole('button', { name: 'Edit declared time' }).click();
  await expect(page.getByTestId('milestone-declared').getByRole('button', { name: 'Clear' })).toHaveCount(0);
});
