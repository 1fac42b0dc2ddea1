import { test, expect, type Page } from '../support/fixtures';
import { addEntry, declareIncident, enterName, expectAuthoredTexts, waitUntilSaved } from '../support/war-room-page';

const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';

const runFromPalette = async (page: Page, search: string, title: string) => {
  await page.keyboard.press(`${MOD}+k`);
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await expect(palette).toBeVisible();
  await page.keyboard.type(search);
  await expect(palette.getByRole('option', { selected: true })).toContainText(title);
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
};

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await enterName(page, 'Ada');
});

test('the command palette runs commands: change severity, switch pane, navigate', async ({ page }) => {
  await declareIncident(page, 'Checkout errors in EU', 'SEV2');
  // Ctrl/Cmd+K works even from inside the entry box.
  await page.getByTestId('capture-input').focus();
  await runFromPalette(page, 'severity to SEV4', 'Set severity to SEV4');
  await expect(page.getByTestId('incident-severity')).toHaveText('SEV4');
  await expect(page.locator('[data-kind="severity_change"] .entry-text')).toHaveText(['Severity SEV2 → SEV4']);

  await runFromPalette(page, 'show metrics', 'Show Metrics');
  await expect(page.getByRole('tab', { name: 'Metrics' })).toHaveAttribute('aria-selected', 'true');

  await runFromPalette(page, 'entry box', 'Focus the entry box');
  await expect(page.getByTestId('capture-input')).toBeFocused();

  await runFromPalette(page, 'metrics across', 'Go to metrics across incidents');
  await expect(page.getByRole('heading', { name: 'Metrics across incidents' })).toBeVisible();
  await runFromPalette(page, 'open checkout', 'Open: Checkout errors in EU');
  await expect(page.getByTestId('incident-title')).toHaveText('Checkout errors in EU');

  // Escape closes it without running anything.
  await page.keyboard.press(`${MOD}+k`);
  await page.keyboard.type('SEV1');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Command palette' })).toBeHidden();
  await expect(page.getByTestId('incident-severity')).toHaveText('SEV4');
});

test('? lists every shortcut, but is just a character while typing', async ({ page }) => {
  await declareIncident(page, 'Checkout errors in EU', 'SEV2');
  const input = page.getByTestId('capture-input');
  await input.focus();
  await page.keyboard.type('why?');
  await expect(input).toHaveValue('why?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden();

  await input.fill('');
  await page.getByTestId('timeline-entry').first().focus();
  await page.keyboard.press('?');
  const overlay = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(overlay).toBeVisible();
  for (const [keys, does] of [
    [`${MOD === 'Meta' ? '⌘' : 'Ctrl+'}K`, 'Command palette'],
    [`${MOD === 'Meta' ? '⌘' : 'Ctrl+'}Z`, 'Undo my last change'],
    ['Alt+O', 'Kind: observation'],
    ['Alt+P', 'Pin the next entry'],
    ['-5m text', 'Happened 5 minutes ago'],
    ['R', 'Retract, with a reason'],
    ['H', 'Show or hide the edit history'],
  ]) {
    await expect(overlay.locator('dl > div').filter({ has: page.locator('dt', { hasText: keys! }) }).filter({ hasText: does! }).first()).toBeVisible();
  }
  await page.keyboard.press('Escape');
  await expect(overlay).toBeHidden();
});

test('the theme follows the OS until the user picks one, and "Follow the system theme" undoes the pick', async ({ page }) => {
  const html = page.locator('html');
  // playwright.config.ts emulates a dark OS.
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(html).toHaveAttribute('data-theme', 'light');
  await expect(page.getByRole('button', { name: 'Light theme' })).toHaveAttribute('aria-pressed', 'true');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(html).toHaveAttribute('data-theme', 'dark');

  // A pick wins over the OS, and survives a reload.
  await runFromPalette(page, 'light theme', 'Switch to light theme');
  await expect(html).toHaveAttribute('data-theme', 'light');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Incidents', exact: true })).toBeVisible();
  await expect(html).toHaveAttribute('data-theme', 'light');

  // Following again: the OS decides, live.
  await runFromPalette(page, 'follow the system', 'Follow the system theme');
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(html).toHaveAttribute('data-theme', 'light');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Incidents', exact: true })).toBeVisible();
  await expect(html).toHaveAttribute('data-theme', 'light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(html).toHaveAttribute('data-theme', 'dark');
});

test('with a dark OS the theme is dark, and a switch to light survives a reload', async ({ page }) => {
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await runFromPalette(page, 'light theme', 'Switch to light theme');
  await expect(html).toHaveAttribute('data-theme', 'light');
  await expect(page.getByRole('button', { name: 'Light theme' })).toHaveAttribute('aria-pressed', 'true');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Incidents', exact: true })).toBeVisible();
  await expect(html).toHaveAttribute('data-theme', 'light');
  await page.getByRole('button', { name: 'Light theme' }).click();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Incidents', exact: true })).toBeVisible();
  await expect(html).toHaveAttribute('data-theme', 'dark');
});

test('undo and redo my own changes with the keyboard, outside text fields only, erasing nothing', async ({ page }) => {
  await declareIncident(page, 'Checkout errors in EU', 'SEV2');
  await addEntry(page, 'observation', 'first');
  await addEntry(page, 'action', 'second');
  await waitUntilSaved(page);
  const entry = (text: string) => page.locator('[data-testid="timeline-entry"]').filter({ has: page.locator('.entry-text', { hasText: text }) });

  // In the entry box Ctrl+Z belongs to the text field.
  await page.keyboard.press(`${MOD}+z`);
  await expect(entry('second')).toHaveAttribute('data-retracted', 'false');

  // Outside it, undo retracts my newest entry as "undone": it stays in the record, struck through.
  await page.getByTestId('timeline-entry').first().focus();
  await page.keyboard.press(`${MOD}+z`);
  await expect(entry('second')).toHaveAttribute('data-retracted', 'true');
  await expect(entry('second')).toContainText('Retracted by Ada');
  await expect(entry('second')).toContainText('undone');
  await page.keyboard.press(`${MOD}+z`);
  await expect(entry('first')).toHaveAttribute('data-retracted', 'true');
  await expectAuthoredTexts(page, ['first', 'second']);
  await page.getByTestId('timeline-entry').first().focus();
  await page.keyboard.press(`${MOD}+Shift+z`);
  await expect(entry('first')).toHaveAttribute('data-retracted', 'false');

  // A header change is one step too, and the palette can undo it: the old value comes back as a new, logged change.
  await page.getByTestId('incident-severity').click();
  await page.getByRole('menuitemradio', { name: 'SEV1' }).click();
  await expect(page.getByTestId('incident-severity')).toHaveText('SEV1');
  await runFromPalette(page, 'undo', 'Undo my last change');
  await expect(page.getByTestId('incident-severity')).toHaveText('SEV2');
  await expect(page.locator('[data-kind="severity_change"] .entry-text')).toHaveText(['Severity SEV2 → SEV1', 'Undone by Ada: severity SEV1 → SEV2']);
  await expect(page.getByTestId('notice').filter({ hasText: 'Undone: severity SEV1 → SEV2.' })).toBeVisible();

  // What undo did is saved like any edit.
  await waitUntilSaved(page);
  await page.reload();
  await expect(page.getByTestId('incident-severity')).toHaveText('SEV2');
  await expect(entry('second')).toHaveAttribute('data-retracted', 'true');
  await expect(entry('first')).toHaveAttribute('data-retracted', 'false');
});
