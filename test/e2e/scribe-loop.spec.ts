import { test, expect, type Page } from '../support/fixtures';
import { addEntry, declareIncident, enterName } from '../support/war-room-page';
import { roleAction, sidePane } from '../support/side-panes';

/*
 * The scribe's keyboard loop (issue 14): no lost keystrokes after `c` or `/`,
 * moving through entries from the keyboard, focus that comes back after a save,
 * the entry just added shown wherever it lands, drafts that survive, and
 * back-dating with no extra keys.
 */

const input = (page: Page) => page.getByTestId('capture-input');
const row = (page: Page, text: string) => page.getByTestId('timeline-entry').filter({ hasText: text });

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/');
  await enterName(page, 'Ada');
  await declareIncident(page, 'Checkout returns 500', 'SEV2');
});

test('after c or /, the keys typed at once all land in the field, 20 times in a row', async ({ page }) => {
  const search = page.getByRole('searchbox', { name: 'Search timeline' });
  for (let i = 0; i < 20; i++) {
    // Esc leaves the entry box (for the newest entry, or the page when there is none); c comes back.
    await input(page).press('Escape');
    await expect(input(page)).not.toBeFocused();
    await page.keyboard.press('c');
    await page.keyboard.type(`round ${i} quick note`);
    await expect(input(page)).toHaveValue(`round ${i} quick note`);
    await page.keyboard.press('Enter');
    await expect(input(page)).toHaveValue('');
  }
  for (let i = 0; i < 20; i++) {
    await input(page).press('Escape');
    await page.keyboard.press('/');
    await page.keyboard.type(`round ${i}`);
    await expect(search).toHaveValue(`round ${i}`);
    await search.fill('');
    await input(page).focus();
  }
});

test('arrows and J/K move between entries; Enter edits, P pins, R retracts, Esc goes back to the entry box; focus returns after each save', async ({ page }) => {
  for (const t of ['first: alerts fired', 'second: rollback started', 'third: errors dropping']) await addEntry(page, 'observation', t);
  await input(page).press('Escape');
  await expect(row(page, 'third')).toBeFocused();
  await page.keyboard.press('k');
  await expect(row(page, 'second')).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(row(page, 'first')).toBeFocused();
  await page.keyboard.press('j');
  await expect(row(page, 'second')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(row(page, 'third')).toBeFocused();

  await page.keyboard.press('p');
  await expect(row(page, 'third')).toHaveAttribute('data-pinned', 'true');
  await expect(row(page, 'third')).toBeFocused();

  // Enter edits; saving with Enter hands focus back to the row.
  await page.keyboard.press('k');
  await page.keyboard.press('Enter');
  const text = page.getByRole('textbox', { name: 'Entry text', exact: true });
  await expect(text).toBeFocused();
  await text.fill('second: rollback of build 4711 started');
  await page.keyboard.press('Enter');
  const second = row(page, 'rollback of build 4711');
  await expect(second).toBeFocused();

  // R retracts with a reason; Enter saves and focus is back on the row.
  await page.keyboard.press('r');
  await expect(page.getByRole('textbox', { name: 'Why retract this entry' })).toBeFocused();
  await page.keyboard.type('wrong build');
  await page.keyboard.press('Enter');
  await expect(second).toHaveAttribute('data-retracted', 'true');
  await expect(second).toBeFocused();

  await page.keyboard.press('Escape');
  await expect(input(page)).toBeFocused();

  // The overlay lists the keys.
  await input(page).press('Escape');
  await page.keyboard.press('?');
  const overlay = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  for (const [keys, does] of [
    ['↑ ↓ or K J', 'Previous or next entry'],
    ['Enter or E', 'Edit'],
    ['P', 'Pin or unpin'],
    ['R', 'Retract, with a reason'],
    ['Esc', 'Leave the entry box for the newest entry'],
    ['Esc', 'Back to the entry box'],
  ]) {
    await expect(overlay.locator('dl > div').filter({ has: page.locator('dt', { hasText: keys! }) }).filter({ hasText: does! }).first()).toBeVisible();
  }
  await page.keyboard.press('Escape');
});

test('focus returns after saving a lifecycle time and a role holder’s name', async ({ page }) => {
  const edit = page.getByRole('button', { name: 'Edit detected time' });
  await edit.click();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('milestone-detected').locator('time')).toBeVisible();
  await expect(edit).toBeFocused();

  // The role's menu, from the keyboard: Enter opens on "Take", ↓ to "Assign…", Enter, a name, Enter.
  const roles = sidePane(page, 'Roles');
  const menu = roles.getByRole('button', { name: 'Scribe actions' });
  await menu.focus();
  await page.keyboard.press('Enter');
  await expect(roles.getByRole('menuitem', { name: 'Take scribe' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(roles.getByRole('menuitem', { name: 'Assign scribe' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Assign scribe to')).toBeFocused();
  await page.keyboard.type('Grace');
  await page.keyboard.press('Enter');
  await expect(roles.locator('[data-role="scribe"]')).toHaveAttribute('data-holder', 'Grace');
  await expect(menu).toBeFocused();
  // Esc closes a menu without acting, back on its button.
  await page.keyboard.press('ArrowDown');
  await expect(roles.getByRole('menuitem', { name: 'Take scribe' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(roles.getByRole('menu')).toHaveCount(0);
  await expect(menu).toBeFocused();
  await expect(roles.locator('[data-role="scribe"]')).toHaveAttribute('data-holder', 'Grace');
});

test('the roles pane is compact: one line per role, one menu button each', async ({ page }) => {
  const roles = sidePane(page, 'Roles');
  await roleAction(roles, 'Take incident commander');
  await expect(roles.locator('[data-role="commander"]')).toHaveAttribute('data-holder', 'Ada');
  const rows = roles.getByTestId('role-row');
  const n = await rows.count();
  expect(n).toBeGreaterThanOrEqual(5);
  for (let i = 0; i < n; i++) {
    await expect(rows.nth(i).getByRole('button')).toHaveCount(1);
    expect((await rows.nth(i).boundingBox())!.height).toBeLessThan(44);
  }
});

test('the entry just added is brought into view and highlighted, even back-dated far up; a marker points to newer entries below', async ({ page }) => {
  for (let i = 0; i < 30; i++) await addEntry(page, 'observation', `Reading ${i}: error rate still high`);
  const list = page.getByTestId('timeline');
  const inList = async (text: string) => {
    const r = (await row(page, text).boundingBox())!;
    const l = (await list.boundingBox())!;
    return r.y >= l.y - 1 && r.y + r.height <= l.y + l.height + 1;
  };

  // Back-dated: it lands at the top of the list, which scrolls to it.
  await input(page).fill('-30m Paged by the checkout alert');
  await page.keyboard.press('Enter');
  const paged = row(page, 'Paged by the checkout alert');
  await expect(paged).toHaveAttribute('data-just-added', 'true');
  await expect.poll(() => inList('Paged by the checkout alert')).toBe(true);
  const below = page.getByTestId('new-entries-below');
  await expect(below).toBeVisible();
  // The highlight is brief.
  await expect(paged).not.toHaveAttribute('data-just-added', 'true');

  // Added while scrolled up: brought into view too.
  await addEntry(page, 'decision', 'Fail over to the standby database');
  await expect.poll(() => inList('Fail over to the standby database')).toBe(true);
  await expect(row(page, 'Fail over to the standby database')).toHaveAttribute('data-just-added', 'true');

  // Scrolled up again, the marker goes back to the newest entry.
  await input(page).fill('-25m Second page, for the payments team');
  await page.keyboard.press('Enter');
  await expect.poll(() => inList('Second page, for the payments team')).toBe(true);
  await below.click();
  await expect.poll(() => inList('Fail over to the standby database')).toBe(true);
  await expect(below).toBeHidden();
});

test('half-typed text survives switching tabs, leaving the war room and a reload; so does an edited update draft', async ({ page }) => {
  await input(page).fill('Rollback of build 4711 is half');
  await page.getByRole('tab', { name: 'Postmortem' }).click();
  await page.getByRole('tab', { name: 'Timeline' }).click();
  await expect(input(page)).toHaveValue('Rollback of build 4711 is half');

  const update = sidePane(page, 'Updates').getByLabel('Update text');
  await update.fill('We are rolling back the EU checkout deploy. Next update by');

  await page.getByRole('button', { name: '← All incidents' }).click();
  await page.getByRole('link', { name: 'Checkout returns 500' }).or(page.getByText('Checkout returns 500')).first().click();
  await expect(input(page)).toHaveValue('Rollback of build 4711 is half');

  await page.reload();
  await expect(input(page)).toHaveValue('Rollback of build 4711 is half');
  await expect(sidePane(page, 'Updates').getByLabel('Update text')).toHaveValue('We are rolling back the EU checkout deploy. Next update by');

  // Committed, the draft is gone for good.
  await input(page).press('Enter');
  await expect(input(page)).toHaveValue('');
  await page.reload();
  await expect(input(page)).toHaveValue('');
});

test('back-dating takes the text and the time as typed, plus Enter: no extra keys', async ({ page }) => {
  await page.evaluate(() => {
    (window as unknown as { __keys: number }).__keys = 0;
    window.addEventListener('keydown', () => ((window as unknown as { __keys: number }).__keys += 1), true);
  });
  const keys = () => page.evaluate(() => (window as unknown as { __keys: number }).__keys);
  for (const [typed, text] of [
    ['14:51 Error rate crossed 5%', 'Error rate crossed 5%'],
    ['-5m Rollback began', 'Rollback began'],
    ['2015-10-21 14:51Z Hoverboard deployed', 'Hoverboard deployed'],
  ] as const) {
    const before = await keys();
    await page.keyboard.type(typed);
    await page.keyboard.press('Enter');
    await expect(row(page, text)).toHaveCount(1);
    const used = (await keys()) - before;
    const timeKeys = typed.length - text.length;
    // The text, the time as written, and Enter: nothing else (no field to open, no picker to tab through).
    expect(used).toBe(typed.length + 1);
    if (timeKeys <= 7) expect(used - text.length).toBeLessThanOrEqual(8);
  }
  await expect(row(page, 'Hoverboard deployed').locator('time')).toHaveAttribute('datetime', '2015-10-21T14:51:00.000Z');
  const ago = Number(new Date((await row(page, 'Rollback began').locator('time').getAttribute('datetime'))!));
  expect(Math.abs(Date.now() - 5 * 60_000 - ago)).toBeLessThan(60_000);
});

test('a new incident opens on its timeline with the entry box focused, whatever tab was last viewed', async ({ page }) => {
  await page.getByRole('tab', { name: 'Metrics' }).click();
  await expect(page.getByRole('tab', { name: 'Metrics' })).toHaveAttribute('aria-selected', 'true');
  await declareIncident(page, 'Search is slow', 'SEV3');
  await expect(page.getByRole('tab', { name: 'Timeline' })).toHaveAttribute('aria-selected', 'true');
  await expect(input(page)).toBeFocused();
  await page.keyboard.type('first look');
  await expect(input(page)).toHaveValue('first look');
});
