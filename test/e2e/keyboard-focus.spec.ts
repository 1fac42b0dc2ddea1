import { test, expect, type Page, type Locator } from '../support/fixtures';
import { addEntry, declareIncident, enterName } from '../support/war-room-page';

/*
 * Keyboard conventions: the war-room tabs are WAI-ARIA tabs and the entry
 * kinds a radio group (arrow keys, one Tab stop each), and focus never drops
 * to <body> when a dialog or an inline edit closes.
 */

const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';

/** The element that has focus, never <body>: what a keyboard user would continue from. */
const expectFocusOn = async (locator: Locator): Promise<void> => {
  await expect(locator).toBeFocused();
};
const expectFocusNotOnBody = async (page: Page): Promise<void> => {
  await expect.poll(() => page.evaluate(() => document.activeElement !== null && document.activeElement !== document.body)).toBe(true);
};

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await enterName(page, 'Ada');
  await declareIncident(page, 'Checkout returns 500', 'SEV2');
});

test('the war-room tabs move with the arrow keys, Home and End, and are one Tab stop', async ({ page }) => {
  const tabs = page.getByRole('tablist', { name: 'War room views' });
  const tab = (name: string) => tabs.getByRole('tab', { name });
  await tab('Timeline').focus();
  await page.keyboard.press('ArrowRight');
  await expectFocusOn(tab('Postmortem'));
  await expect(tab('Postmortem')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel', { name: 'Postmortem' })).toBeVisible();
  await page.keyboard.press('End');
  await expectFocusOn(tab('Metrics'));
  await expect(page.getByRole('tabpanel', { name: 'Metrics' })).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expectFocusOn(tab('Timeline'));
  await page.keyboard.press('ArrowLeft');
  await expectFocusOn(tab('Metrics'));
  await page.keyboard.press('Home');
  await expectFocusOn(tab('Timeline'));
  await expect(tab('Timeline')).toHaveAttribute('aria-selected', 'true');
  // Only the selected tab is in the Tab order.
  await expect(tabs.locator('[role="tab"][tabindex="0"]')).toHaveCount(1);
  await expect(tabs.locator('[role="tab"][tabindex="-1"]')).toHaveCount(2);
  await expect(page.getByRole('tabpanel')).toHaveAttribute('aria-labelledby', (await tab('Timeline').getAttribute('id'))!);
});

test('the entry-kind chips are a radio group: arrows pick the kind, Tab leaves the group', async ({ page }) => {
  const kinds = page.getByRole('radiogroup', { name: 'Entry kind' });
  const kind = (name: string) => kinds.getByRole('radio', { name: new RegExp(`^${name}`) });
  const input = page.getByTestId('capture-input');
  await expect(kind('Observation')).toHaveAttribute('aria-checked', 'true');
  await kind('Observation').focus();
  await page.keyboard.press('ArrowRight');
  await expectFocusOn(kind('Action'));
  await expect(kind('Action')).toHaveAttribute('aria-checked', 'true');
  await expect(input).toHaveAttribute('data-kind', 'action');
  await page.keyboard.press('ArrowDown');
  await expect(input).toHaveAttribute('data-kind', 'decision');
  await page.keyboard.press('End');
  await expectFocusOn(kind('Note'));
  await page.keyboard.press('ArrowRight');
  await expectFocusOn(kind('Observation'));
  await page.keyboard.press('ArrowLeft');
  await expectFocusOn(kind('Note'));
  await page.keyboard.press('Home');
  await expect(input).toHaveAttribute('data-kind', 'observation');
  await expect(kinds.locator('[role="radio"][tabindex="0"]')).toHaveCount(1);
  await page.keyboard.press('Tab');
  await expectFocusOn(page.getByRole('button', { name: 'Pin the next entry' }));
});

test('focus returns to what opened a dialog, however it closes', async ({ page }) => {
  // Removed from the page when closed (the share dialog is rendered only while open).
  const share = page.getByRole('button', { name: 'Share', exact: true });
  await share.click();
  const shareDialog = page.getByRole('dialog', { name: 'Share this incident' });
  await expect(shareDialog.getByLabel('Invite code')).toHaveValue(/^warroom1\./);
  await shareDialog.getByRole('button', { name: 'Close' }).click();
  await expect(shareDialog).toBeHidden();
  await expectFocusOn(share);
  await share.press('Enter');
  await expect(shareDialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(shareDialog).toBeHidden();
  await expectFocusOn(share);

  // Kept in the page and closed.
  const declare = page.getByRole('banner').getByRole('button', { name: 'Declare incident' });
  await declare.click();
  await expect(page.getByRole('dialog', { name: 'Declare incident' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Declare incident' })).toBeHidden();
  await expectFocusOn(declare);

  // Opened from the keyboard, inside a field.
  const input = page.getByTestId('capture-input');
  await input.focus();
  await page.keyboard.press(`${MOD}+k`);
  await expect(page.getByRole('dialog', { name: 'Command palette' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Command palette' })).toBeHidden();
  await expectFocusOn(input);

  const brief = page.getByRole('region', { name: 'Roles' }).getByRole('button', { name: 'Handoff brief' });
  await brief.click();
  const briefDialog = page.getByRole('dialog', { name: 'Handoff brief' });
  await briefDialog.getByRole('button', { name: 'Close' }).click();
  await expect(briefDialog).toBeHidden();
  await expectFocusOn(brief);
});

test('focus stays in the war room when an inline edit closes', async ({ page }) => {
  await addEntry(page, 'observation', 'p99 latency above 4 s');
  // By kind, not by text: while it is edited the text is in a field.
  const row = page.locator('[data-testid="timeline-entry"][data-kind="observation"]');

  // E edits; Escape cancels, Enter saves: either way focus is back on the entry.
  await row.focus();
  await page.keyboard.press('e');
  const text = row.getByLabel('Entry text');
  await expectFocusOn(text);
  await page.keyboard.press('Escape');
  await expect(text).toBeHidden();
  await expectFocusOn(row);
  await page.keyboard.press('e');
  await text.fill('p99 latency above 5 s');
  await page.keyboard.press('Enter');
  await expect(row.locator('.entry-text')).toContainText('p99 latency above 5 s');
  await expectFocusOn(row);

  // R retracts; Cancel closes the form.
  await page.keyboard.press('r');
  const cancel = page.getByTestId('timeline-entry').getByRole('button', { name: 'Cancel' });
  await cancel.click();
  await expect(cancel).toBeHidden();
  await expectFocusNotOnBody(page);
  await expectFocusOn(row);

  // The title's field hands focus back to ✎ on Save and on Escape.
  const rename = page.getByRole('button', { name: 'Rename incident' });
  await rename.click();
  await page.getByLabel('Incident title').fill('Checkout returns 502');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('incident-title')).toHaveText('Checkout returns 502');
  await expectFocusOn(rename);
  await rename.press('Enter');
  await page.keyboard.press('Escape');
  await expect(page.getByLabel('Incident title')).toBeHidden();
  await expectFocusOn(rename);
});
