import { test, expect } from '../support/fixtures';
import { addEntry, declareIncident, enterName } from '../support/war-room-page';

/* Links in entries are clickable and open outside the war room, through the platform API. */

const entryText = 'Dashboard at https://status.example.com/d/checkout?from=now-1h. Rolling back.';

test('in a browser, a link in an entry opens in a new tab without opener; the war room stays', async ({ page, context }) => {
  await context.route('https://status.example.com/**', (route) => route.fulfill({ contentType: 'text/html', body: '<title>Status</title>ok' }));
  await page.goto('/');
  await enterName(page, 'Ada');
  await declareIncident(page, 'Checkout returns 500', 'SEV2');
  await addEntry(page, 'observation', entryText);
  const link = page.getByTestId('timeline-entry').getByRole('link', { name: 'https://status.example.com/d/checkout?from=now-1h' });
  await expect(link).toHaveAttribute('href', 'https://status.example.com/d/checkout?from=now-1h');
  // The sentence's full stop is not part of the link.
  await expect(page.locator('[data-testid="timeline-entry"][data-kind="observation"] .entry-text')).toContainText('now-1h. Rolling back.');
  const [popup] = await Promise.all([context.waitForEvent('page'), link.click()]);
  await popup.waitForURL('https://status.example.com/d/checkout?from=now-1h');
  expect(await popup.evaluate(() => window.opener)).toBeNull();
  await expect(page.getByTestId('incident-title')).toHaveText('Checkout returns 500');
});

test('in the desktop app, a link goes to platform.openExternal (shell.openExternal in main), not into the window', async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as Record<string, unknown>;
    const opened: string[] = [];
    w.__opened = opened;
    w.warroomPlatform = {
      saveFile: async () => ({ saved: false }),
      printToPdf: async () => ({ saved: false }),
      notify: async () => undefined,
      copyText: async () => undefined,
      openExternal: async (url: string) => void opened.push(url),
      appInfo: async () => ({ kind: 'electron', version: 'e2e' }),
      lanStatus: async () => ({ state: 'stopped' }),
      hostLan: async () => ({ state: 'stopped' }),
      stopLan: async () => ({ state: 'stopped' }),
      discoverLan: async () => ({ available: false, hosts: [] }),
      onCommand: () => () => undefined,
      onOpenInvite: () => () => undefined,
      setThemeSource: async () => undefined,
    };
  });
  await page.goto('/');
  await enterName(page, 'Ada');
  await declareIncident(page, 'Checkout returns 500', 'SEV2');
  await addEntry(page, 'observation', entryText);
  const url = page.url();
  await page.getByTestId('timeline-entry').getByRole('link').click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { __opened: string[] }).__opened)).toEqual(['https://status.example.com/d/checkout?from=now-1h']);
  expect(page.url()).toBe(url);
});
