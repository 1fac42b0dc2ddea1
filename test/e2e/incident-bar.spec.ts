import { test, expect, type Page, type Locator } from '../support/fixtures';
import { addEntry, declareIncident, enterName } from '../support/war-room-page';
import { expectNoSeriousA11yViolations } from '../support/axe-scoped';

/*
 * The incident bar (issue 14, Layout): what a commander glances at is on screen
 * at 1440×900, 1280×720 and half a screen, after the war room opens and after
 * the timeline is scrolled; a drill cannot be mistaken for the real thing; the
 * "update due" notice never covers the entry box.
 */

type Box = { x: number; y: number; width: number; height: number };

const expectInViewport = async (page: Page, locator: Locator, what: string) => {
  const vp = page.viewportSize()!;
  const box = await locator.boundingBox();
  expect(box, `${what} is laid out`).not.toBeNull();
  const b = box!;
  expect(b.y, `${what} top is on screen`).toBeGreaterThanOrEqual(0);
  expect(b.x, `${what} left is on screen`).toBeGreaterThanOrEqual(0);
  expect(b.y + b.height, `${what} bottom is on screen`).toBeLessThanOrEqual(vp.height);
  expect(b.x + b.width, `${what} right is on screen`).toBeLessThanOrEqual(vp.width);
};

const barParts = (page: Page): [string, Locator][] => {
  const bar = page.getByTestId('incident-bar');
  return [
    ['severity', bar.getByTestId('incident-severity')],
    ['status', bar.getByTestId('incident-status')],
    ['title', bar.getByTestId('incident-title')],
    ['elapsed time', bar.getByTestId('incident-elapsed')],
    ['IC', bar.getByTestId('bar-commander')],
    ['next-update countdown', bar.getByTestId('bar-update-due')],
    ['connection state', bar.getByTestId('sync-status')],
    ['drill state', bar.getByRole('switch', { name: 'Drill' })],
  ];
};

const expectBarOnScreen = async (page: Page) => {
  for (const [what, part] of barParts(page)) {
    await expect(part, what).toBeVisible();
    await expectInViewport(page, part, what);
  }
};

const intersects = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

for (const [width, height] of [
  [1440, 900],
  [1280, 720],
  [960, 1000],
] as const) {
  test(`at ${width}×${height} the incident bar stays on screen after load and after scrolling the timeline`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await page.goto('/');
    await enterName(page, 'Ada');
    await declareIncident(page, 'Checkout returns 500 for EU customers', 'SEV2');
    // Autofocus on the entry box did not scroll the bar away.
    await expect(page.getByTestId('capture-input')).toBeFocused();
    await expectBarOnScreen(page);
    await expectInViewport(page, page.getByTestId('capture-input'), 'entry box');

    for (let i = 0; i < 25; i++) await addEntry(page, 'observation', `Observation ${i}: error rate on the checkout service is still climbing`);
    const list = page.getByTestId('timeline');
    await list.hover();
    await page.mouse.wheel(0, -4000);
    await expect.poll(() => list.evaluate((el) => el.scrollTop)).toBeLessThan(50);
    await expectBarOnScreen(page);
    // And the page itself scrolled as far as it goes.
    await page.mouse.move(width / 2, height - 5);
    await page.mouse.wheel(0, 4000);
    await expectBarOnScreen(page);
    await expectInViewport(page, page.getByTestId('capture-input'), 'entry box');
  });
}

test('at 900 px an entry wraps as a paragraph, not one word per line', async ({ page }) => {
  await page.setViewportSize({ width: 900, height: 800 });
  await page.goto('/');
  await enterName(page, 'Ada');
  await declareIncident(page, 'Checkout returns 500', 'SEV2');
  await addEntry(page, 'observation', 'The error rate on the checkout service is climbing after the deploy of build 4711 to the EU region');
  const text = page.locator('[data-testid="timeline-entry"][data-kind="observation"] .entry-text');
  await expect(text).toBeVisible();
  // 19 words: at one word per line that would be 19 lines; as a paragraph at most 3.
  const lines = await text.evaluate((el) => Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)));
  expect(lines).toBeLessThanOrEqual(3);
  const width = (await text.boundingBox())!.width;
  expect(width).toBeGreaterThan(400);
});

test('a drill is unmistakable: a switch, confirmation for a SEV1 or SEV2, then a full-width banner', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/');
  await enterName(page, 'Ada');
  await declareIncident(page, 'Payments down', 'SEV1');
  const drill = page.getByRole('switch', { name: 'Drill' });
  await expect(drill).toHaveAttribute('aria-checked', 'false');
  await expect(page.getByTestId('drill-banner')).toHaveCount(0);

  // Asked first; "keep it real" changes nothing and gives focus back to the switch.
  await drill.focus();
  await page.keyboard.press('Enter');
  const ask = page.getByRole('dialog', { name: 'Mark this SEV1 as a drill?' });
  await expect(ask).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'dialog[open]');
  await ask.getByRole('button', { name: 'Keep it a real incident' }).click();
  await expect(ask).toHaveCount(0);
  await expect(drill).toHaveAttribute('aria-checked', 'false');
  await expect(drill).toBeFocused();

  await page.keyboard.press('Space');
  await page.getByRole('dialog', { name: 'Mark this SEV1 as a drill?' }).getByRole('button', { name: 'Mark as a drill' }).click();
  await expect(drill).toHaveAttribute('aria-checked', 'true');
  const banner = page.getByTestId('drill-banner');
  await expect(banner).toContainText('DRILL');
  // Full width: as wide as the war room's page, edge to edge.
  const bannerBox = (await banner.boundingBox())!;
  const pageBox = (await page.locator('main.war-room-page').boundingBox())!;
  expect(bannerBox.width).toBeGreaterThanOrEqual(pageBox.width - 1);
  await expect(page.locator('[data-testid="timeline-entry"][data-kind="drill"] .entry-text')).toHaveText(['Marked as a drill: left out of metrics']);

  // Switching back, and a SEV3 drill, need no confirmation.
  await drill.click();
  await expect(drill).toHaveAttribute('aria-checked', 'false');
  await expect(banner).toHaveCount(0);
  await page.getByTestId('incident-severity').click();
  await page.getByRole('menu', { name: 'Severity' }).getByRole('menuitemradio', { name: 'SEV3' }).click();
  await drill.click();
  await expect(drill).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, '[data-testid="incident-bar"]');
});

test('the "update due" notice never covers the entry box, and the title says an update is overdue', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.clock.install();
  await page.goto('/');
  await enterName(page, 'Ada');
  await declareIncident(page, 'Payments down', 'SEV1');
  await expect(page).not.toHaveTitle(/overdue/i);
  await page.clock.fastForward('21:00');
  const notice = page.getByTestId('notice').filter({ hasText: 'A stakeholder update is due' });
  await expect(notice).toBeVisible();
  await expect(page).toHaveTitle(/^Update overdue: Payments down/);
  await expect(page.getByTestId('bar-update-due')).toHaveAttribute('data-tone', 'overdue');
  const input = page.getByTestId('capture-input');
  await expectInViewport(page, input, 'entry box');
  expect(intersects((await notice.boundingBox())!, (await input.boundingBox())!)).toBe(false);
  await expectInViewport(page, notice, 'notice');

  await page.setViewportSize({ width: 960, height: 1000 });
  await expect(notice).toBeVisible();
  expect(intersects((await notice.boundingBox())!, (await input.boundingBox())!)).toBe(false);

  // Posting the update clears the title.
  await page.getByRole('complementary').getByRole('button', { name: 'Post and copy' }).click();
  await expect(page).not.toHaveTitle(/overdue/i);
});
