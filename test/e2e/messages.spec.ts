import { test, expect } from '../support/fixtures';
import { addEntry, declareIncident, enterName } from '../support/war-room-page';

/*
 * One 24-hour format with dates everywhere (no locale-dependent 12-hour
 * pickers), and messages that read as sentences for people.
 */

test.use({ locale: 'en-US' });

const TWENTY_FOUR_HOUR = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/;

test('every date-and-time field is 24-hour text with the date, even on an en-US machine; messages are sentences', async ({ page }) => {
  await page.goto('/');
  await enterName(page, 'Ada');

  // The declare dialog's past times.
  await page.getByRole('banner').getByRole('button', { name: 'Declare incident' }).click();
  const dialog = page.getByRole('dialog', { name: 'Declare incident' });
  await dialog.locator('details summary').first().click();
  const declaredAt = dialog.getByRole('textbox', { name: /^Declared at/ });
  await expect(declaredAt).toHaveAttribute('placeholder', 'YYYY-MM-DD HH:MM:SS');
  await page.keyboard.press('Escape');
  await declareIncident(page, 'Checkout returns 500', 'SEV2');

  // A lifecycle time: typed and shown as 24-hour, with the date.
  await page.getByRole('button', { name: 'Edit detected time' }).click();
  const detected = page.getByRole('textbox', { name: /^Detected time/ });
  await expect(detected).toHaveValue(TWENTY_FOUR_HOUR);
  const today = (await detected.inputValue()).slice(0, 10);
  await detected.fill(`${today} 00:01:00`);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('milestone-detected').locator('time')).toContainText('00:01:00');

  // The entry editor's time.
  await addEntry(page, 'observation', 'p99 above 4 s');
  const row = page.locator('[data-testid="timeline-entry"][data-kind="observation"]');
  await row.focus();
  await page.keyboard.press('e');
  await expect(page.getByRole('textbox', { name: /^When it happened/ })).toHaveValue(TWENTY_FOUR_HOUR);
  await page.keyboard.press('Escape');

  // A refusal reads as one sentence, naming the field once.
  await page.getByRole('button', { name: 'Rename incident' }).click();
  await page.getByLabel('Incident title').fill('   ');
  await page.keyboard.press('Enter');
  const alert = page.getByRole('alert').filter({ hasText: /empty/ });
  await expect(alert).toHaveText(/^[A-Z][^.]*\.$/);
  await expect(alert).not.toHaveText(/title title/i);
  await page.keyboard.press('Escape');

  // Nowhere a 12-hour clock or a raw ISO time with milliseconds.
  const shown = await page.locator('body').innerText();
  expect(shown).not.toMatch(/\b\d{1,2}:\d\d(:\d\d)?\s?(AM|PM)\b/i);
  expect(shown).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/);
});
