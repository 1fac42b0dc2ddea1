import { test, expect, type Page } from '../support/fixtures';
import { addEntry, declareIncident, enterName } from '../support/war-room-page';

/*
 * In an 800×600 window (a headless Chromium's default, a laptop split in two)
 * the side panes sit beside a narrow main pane. Nothing in the main pane may
 * run under them: the action item form once did, and its button could not be
 * clicked at all. Every control in each tab is checked by what is on top at
 * its centre, as a click would find it.
 */

/** Controls in the main pane whose centre is covered by something that is not them. */
const coveredControls = (page: Page) =>
  page.evaluate(() => {
    const pane = document.querySelector('.main-pane')!;
    const covered: string[] = [];
    for (const el of Array.from(pane.querySelectorAll<HTMLElement>('button, input, select, textarea, [role="tab"]'))) {
      el.scrollIntoView({ block: 'center', inline: 'nearest' });
      const r = el.getBoundingClientRect();
      // Only what a person can see and click: not closed menus, not visually hidden inputs.
      if (r.width <= 1 || r.height <= 1 || !el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      // scrollIntoView also scrolls a sideways-scrolling box (the action table) to the control.
      const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      if (!top || (!el.contains(top) && !top.contains(el))) {
        covered.push(`${el.tagName.toLowerCase()} “${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30) ?? ''}” under ${top ? `${top.tagName.toLowerCase()}.${top.className}` : 'nothing'}`);
      }
    }
    return covered;
  });

test('at 800×600 no control in the timeline, postmortem or metrics runs under the side panes', async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 600 });
  await page.goto('/');
  await enterName(page, 'Ada');
  await declareIncident(page, 'Checkout returns 500', 'SEV2');
  await addEntry(page, 'observation', 'Error rate is climbing');

  await page.getByRole('tab', { name: 'Postmortem' }).click();
  const form = page.getByRole('form', { name: 'Add action item' });
  await form.getByLabel('Action item').fill('Alert on config drift');
  await form.getByLabel('Owner').fill('Bob');
  await form.getByLabel('Due').fill('2026-12-31');
  // Checked before the click: a covered button would otherwise only show as a click that never lands.
  expect(await coveredControls(page), 'Postmortem: controls under the side panes').toEqual([]);
  await form.getByRole('button', { name: 'Add action item' }).click();
  await expect(page.getByTestId('action-row')).toHaveCount(1);

  for (const tab of ['Timeline', 'Postmortem', 'Metrics']) {
    await page.getByRole('tab', { name: tab }).click();
    await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
    expect(await coveredControls(page), `${tab}: controls under the side panes`).toEqual([]);
  }
});
