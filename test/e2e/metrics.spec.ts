import { test, expect, type Page } from '../support/fixtures';
import { declareIncident, enterName, waitUntilSaved } from '../support/war-room-page';

const setTime = async (page: Page, milestone: string, value: string) => {
  await page.getByRole('button', { name: `Edit ${milestone} time` }).click();
  await page.getByLabel(`${milestone[0]!.toUpperCase()}${milestone.slice(1)} time`).fill(value);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId(`milestone-${milestone}`).locator('time')).toBeVisible();
};

const pickStatus = async (page: Page, status: string) => {
  await page.getByTestId('incident-status').click();
  await page.getByRole('menuitemradio', { name: status }).click();
  await expect(page.getByTestId('incident-status')).toHaveText(status);
};

test('the metrics pane shows the phase bar with the time each phase took', async ({ page }) => {
  await page.goto('/');
  await enterName(page, 'Ada');
  await declareIncident(page, 'Checkout errors in EU', 'SEV1');
  await setTime(page, 'started', '2024-01-01T10:00:00');
  await setTime(page, 'detected', '2024-01-01T10:05:00');
  await pickStatus(page, 'identified');
  await pickStatus(page, 'monitoring');

  await page.getByRole('tab', { name: 'Metrics' }).click();
  const pane = page.getByRole('tabpanel', { name: 'Metrics' });
  await expect(pane.getByTestId('phase-detect')).toContainText('Started → Detected');
  await expect(pane.getByTestId('phase-detect')).toContainText('5m 00s');
  await expect(pane.getByTestId('phase-acknowledge')).toContainText('Declared → Acknowledged');
  await expect(pane.getByTestId('phase-acknowledge')).toHaveAttribute('data-ms', /^\d+$/);
  await expect(pane.getByTestId('phase-mitigate')).toHaveAttribute('data-ms', /^\d+$/);
  // Not resolved yet: the resolve phase is running.
  await expect(pane.getByTestId('phase-resolve')).toContainText('so far');
  await expect(pane.getByTestId('metric-ttd')).toContainText('5m 00s');
  await expect(pane.getByTestId('metric-ttr')).toContainText('—');
  // One bar segment per phase, drawn by the lazily loaded chart in a fixed order.
  await expect(pane.getByTestId('phase-declare')).toHaveAttribute('data-ms', /^\d+$/);
  await expect(pane.getByTestId('phase-bar').locator('.recharts-bar-rectangle')).toHaveCount(5);

  await pickStatus(page, 'resolved');
  await expect(pane.getByTestId('phase-resolve')).not.toContainText('so far');
  await expect(pane.getByTestId('metric-ttr')).not.toContainText('—');
  await waitUntilSaved(page);
});

test('the phase bar keeps its segments in phase order when a middle one is measured later, without a reload', async ({ page }) => {
  await page.goto('/');
  await enterName(page, 'Ada');
  await declareIncident(page, 'Replication lag', 'SEV2');
  await setTime(page, 'declared', '2024-01-01T10:10:00');
  await setTime(page, 'started', '2024-01-01T10:00:00');
  await setTime(page, 'detected', '2024-01-01T10:05:00');
  await setTime(page, 'mitigated', '2024-01-01T10:40:00');
  await setTime(page, 'resolved', '2024-01-01T10:50:00');
  await page.getByRole('tab', { name: 'Metrics' }).click();
  const bar = page.getByTestId('phase-bar');
  const segments = bar.locator('.recharts-bar-rectangle path, .recharts-bar-rectangle rect');
  // Left to right, the fill colours must follow the phase order, whatever was measured first.
  const order = async () =>
    segments.evaluateAll((els) =>
      els
        .map((el) => ({ x: el.getBoundingClientRect().x, w: el.getBoundingClientRect().width, fill: el.getAttribute('fill') }))
        .filter((s) => s.w > 0.5)
        .sort((a, b) => a.x - b.x)
        .map((s) => s.fill),
    );
  await expect.poll(order).toEqual(['#5aa9ff', '#b48cff', '#ff8a3d', '#3ecf8e']);
  // Set from the header while the chart stays on screen (it reordered live, until a reload).
  await setTime(page, 'acknowledged', '2024-01-01T10:20:00');
  // Acknowledge lands between declare and mitigate, not at the end.
  await expect.poll(order).toEqual(['#5aa9ff', '#b48cff', '#f5c542', '#ff8a3d', '#3ecf8e']);
});

test('metrics across incidents count by severity per week and leave drills out unless asked', async ({ page }) => {
  await page.goto('/');
  await enterName(page, 'Ada');
  await declareIncident(page, 'Checkout errors in EU', 'SEV1');
  await page.goto('/#/');
  await declareIncident(page, 'Queue backlog', 'SEV2');
  await page.goto('/#/');
  await page.getByRole('banner').getByRole('button', { name: 'Declare incident' }).click();
  const dialog = page.getByRole('dialog', { name: 'Declare incident' });
  await dialog.getByLabel('Title').fill('Game day: DNS failover');
  await dialog.getByRole('radio', { name: /SEV3/ }).check();
  await dialog.getByLabel(/This is a drill/).check();
  await dialog.getByRole('button', { name: 'Declare' }).click();
  await expect(page.getByTestId('incident-title')).toHaveText('Game day: DNS failover');
  await waitUntilSaved(page);

  await page.goto('/#/');
  await page.getByRole('button', { name: 'Metrics across incidents' }).click();
  await expect(page.getByRole('heading', { name: 'Metrics across incidents' })).toBeVisible();
  const summary = page.getByTestId('metrics-summary');
  await expect(summary).toContainText('2 incidents counted; 1 drill left out');
  const week = page.getByTestId('severity-table').locator('tbody tr');
  await expect(week).toHaveCount(1);
  await expect(week.locator('[data-severity="SEV1"]')).toHaveText('1');
  await expect(week.locator('[data-severity="SEV2"]')).toHaveText('1');
  await expect(week.locator('[data-severity="SEV3"]')).toHaveText('0');
  await expect(week.getByTestId('week-total')).toHaveText('2');
  await expect(page.getByTestId('trend-table').locator('tbody tr td').first()).toHaveText('2');

  await page.getByRole('checkbox', { name: 'Include drills' }).check();
  await expect(summary).toContainText('3 incidents counted');
  await expect(summary).not.toContainText('left out');
  await expect(week.locator('[data-severity="SEV3"]')).toHaveText('1');
  await expect(week.getByTestId('week-total')).toHaveText('3');
  await expect(page.locator('.chart .recharts-bar-rectangle')).not.toHaveCount(0);

  await page.getByRole('checkbox', { name: 'Include drills' }).uncheck();
  await expect(week.getByTestId('week-total')).toHaveText('2');
});

test('recharts is not in the bundle that starts the app; it loads with the first chart', async ({ page }) => {
  const scripts: string[] = [];
  page.on('response', (r) => {
    if (r.url().endsWith('.js')) scripts.push(r.url());
  });
  const containsRecharts = async (urls: string[]) => {
    for (const url of urls) if ((await (await page.request.get(url)).text()).includes('recharts-wrapper')) return true;
    return false;
  };
  await page.goto('/');
  await enterName(page, 'Ada');
  await declareIncident(page, 'Checkout errors in EU', 'SEV1');
  await waitUntilSaved(page);
  expect(scripts.length).toBeGreaterThan(0);
  expect(await containsRecharts(scripts)).toBe(false);

  await page.getByRole('tab', { name: 'Metrics' }).click();
  await expect(page.getByTestId('phase-acknowledge')).toBeVisible();
  await pickStatus(page, 'identified');
  await expect(page.getByTestId('phase-bar').locator('.recharts-wrapper')).toBeVisible();
  expect(await containsRecharts(scripts)).toBe(true);
});
