import { test, expect, chromium } from '../support/fixtures';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startLanHost, type LanHost } from '../../electron/lan/lan-host';
import { buildContentSecurityPolicy } from '../../electron/security/content-security-policy';
import { LAN_DESKTOP_ONLY } from '../../shared/platform/lan';
import { encodeInvite, parseInvite } from '../../shared/sync/invite';
import { createShareSecret, deriveShareKeys } from '../../shared/sync/share-keys';
import { CHROMIUM_ARGS, chromiumPath } from '../support/browser';
import { expectNoSeriousViolations } from '../support/axe';
import { declareIncident, enterName } from '../support/war-room-page';

/*
 * The desktop shell's features as the browser build shows them: the LAN
 * features say they need the desktop app, a #join= link (the QR code's) asks
 * before joining, and the LAN host's HTTP server serves a working web build.
 */
test.use({ bypassCSP: true });

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const keys = deriveShareKeys(createShareSecret());
const invite = encodeInvite({
  incidentId: 'lan-e2e-incident',
  room: keys.room,
  password: keys.password,
  // Nothing listens there: joining stores the room and waits for a peer.
  signaling: ['ws://127.0.0.1:9'],
  relays: [],
  title: 'Core switch flapping',
});

test('in a browser, hosting and finding LAN rooms say they need the desktop app', async ({ page }) => {
  await page.goto('/');
  await enterName(page, 'Grace');
  await page.getByRole('button', { name: 'Search the LAN' }).click();
  await expect(page.getByRole('region', { name: 'Rooms on this network' }).getByRole('status')).toHaveText(LAN_DESKTOP_ONLY);

  await declareIncident(page, 'Edge proxy 502s', 'SEV2');
  const pane = page.getByRole('region', { name: 'LAN host' });
  await expect(pane.getByText(LAN_DESKTOP_ONLY)).toBeVisible();
  await expect(pane.getByRole('button', { name: 'Host this room on the LAN' })).toHaveCount(0);
  await expectNoSeriousViolations(page, 'war room with the LAN host pane');
});

test('a #join= link asks before joining, leaves the address bar, and joins on confirm', async ({ page }) => {
  await page.goto(`/#join=${invite}`);
  await enterName(page, 'Linus');
  const dialog = page.getByRole('dialog', { name: 'Join this incident?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('status')).toContainText('Core switch flapping');
  await expect(dialog.getByRole('status')).toContainText('127.0.0.1:9');
  // The secret does not stay in the address bar or the history.
  expect(new URL(page.url()).hash).toBe('#/');
  await expectNoSeriousViolations(page, 'invite confirmation');

  await dialog.getByRole('button', { name: 'Join' }).click();
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/#\/incident\/lan-e2e-incident$/);
  await expect(page.getByText('Waiting for this incident to sync')).toBeVisible();
});

test('a damaged #join= link is explained and cannot be joined', async ({ page }) => {
  await page.goto(`/#join=${invite.slice(0, -10)}`);
  await enterName(page, 'Barbara');
  const dialog = page.getByRole('dialog', { name: 'Join this incident?' });
  await expect(dialog.getByRole('status')).toContainText('Invalid invite code');
  await expect(dialog.getByRole('button', { name: 'Join' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Incidents', exact: true })).toBeVisible();
});

/**
 * The desktop platform as the preload would expose it, faked in the page: the
 * renderer's LAN flow runs for real against it (share, endpoints, invite, QR).
 * Its "LAN" addresses are other loopback addresses on a closed port, so the
 * sync that starts connects nowhere off this machine.
 */
const fakeDesktopPlatform = () => {
  const w = window as unknown as Record<string, unknown>;
  const copied: string[] = [];
  w.__copied = copied;
  let state: Record<string, unknown> = { state: 'stopped' };
  w.warroomPlatform = {
    saveFile: async () => ({ saved: false }),
    printToPdf: async () => ({ saved: false }),
    notify: async () => undefined,
    copyText: async (text: string) => void copied.push(text),
    openExternal: async () => undefined,
    appInfo: async () => ({ kind: 'electron', version: 'e2e' }),
    lanStatus: async () => state,
    hostLan: async () =>
      (state = {
        state: 'hosting',
        name: 'Grace [3fa1]',
        port: 9,
        pageUrls: ['http://127.0.0.2:9/'],
        signalingUrls: ['ws://127.0.0.2:9'],
        advertised: true,
      }),
    stopLan: async () => (state = { state: 'stopped' }),
    discoverLan: async () => ({
      available: true,
      hosts: [{ id: 'bob', name: 'Bob on the NOC laptop', version: '0.1.0', port: 9, addresses: ['127.0.0.3'], pageUrl: 'http://127.0.0.3:9/', signalingUrl: 'ws://127.0.0.3:9' }],
    }),
    onCommand: () => () => undefined,
    onOpenInvite: () => () => undefined,
    // nativeTheme.themeSource in the app: recorded, so the theme test can see what main was told.
    setThemeSource: async (source: string) => void themeSources.push(source),
  };
  const themeSources: string[] = [];
  w.__themeSources = themeSources;
};

test('with the desktop platform, the theme choice goes to nativeTheme: system until picked', async ({ page }) => {
  await page.addInitScript(fakeDesktopPlatform);
  await page.goto('/');
  await enterName(page, 'Grace');
  const sources = () => page.evaluate(() => (window as unknown as { __themeSources: string[] }).__themeSources);
  await expect.poll(sources).toEqual(['system']);
  await page.getByRole('button', { name: 'Light theme' }).click();
  await expect.poll(sources).toEqual(['system', 'light']);
});

test('with the desktop platform, hosting puts the LAN address in the invite and its QR link', async ({ page }) => {
  await page.addInitScript(fakeDesktopPlatform);
  await page.goto('/');
  await enterName(page, 'Grace');
  await declareIncident(page, 'Edge proxy 502s', 'SEV2');
  const pane = page.getByRole('region', { name: 'LAN host' });
  await pane.getByRole('button', { name: 'Host this room on the LAN' }).click();
  await expect(pane.getByRole('status')).toContainText('Hosting as Grace [3fa1] on port 9');
  await expect(pane.getByRole('img', { name: /QR code/ })).toBeVisible();
  await pane.getByRole('button', { name: 'Copy browser link' }).click();
  const [link] = await page.evaluate(() => (window as unknown as { __copied: string[] }).__copied);
  const url = new URL(link!);
  expect(`${url.origin}${url.pathname}`).toBe('http://127.0.0.2:9/');
  const shared = parseInvite(decodeURIComponent(url.hash.replace(/^#join=/, '')));
  expect(shared.title).toBe('Edge proxy 502s');
  // The LAN address, and not this device's default (ws://127.0.0.1:4444), which is no use to anyone else.
  expect(shared.signaling).toEqual(['ws://127.0.0.2:9']);
  await expectNoSeriousViolations(page, 'LAN host pane, hosting');
  await pane.getByRole('button', { name: 'Stop hosting' }).click();
  await expect(pane.getByRole('button', { name: 'Host this room on the LAN' })).toBeVisible();
});

test('with the desktop platform, a room found on the LAN is joined with a pasted invite', async ({ page }) => {
  await page.addInitScript(fakeDesktopPlatform);
  await page.goto('/');
  await enterName(page, 'Linus');
  await page.getByRole('button', { name: 'Search the LAN' }).click();
  await page.getByRole('button', { name: 'Join a room hosted by Bob on the NOC laptop' }).click();
  const dialog = page.getByRole('dialog', { name: 'Join Bob on the NOC laptop' });
  await dialog.getByLabel('Invite code from Bob on the NOC laptop').fill(invite);
  await expectNoSeriousViolations(page, 'join a LAN room');
  await dialog.getByRole('button', { name: 'Join' }).click();
  await expect(page).toHaveURL(/#\/incident\/lan-e2e-incident$/);
  // Room and password from the pasted invite; the place to meet from the host found on the LAN, tried first.
  const signaling = () =>
    page.evaluate(() => {
      const sync = (window as unknown as { __warroomSync: { stats(id: string): { webrtc: { signaling: { url: string }[] } | null } | null } }).__warroomSync;
      return sync.stats('lan-e2e-incident')?.webrtc?.signaling.map((s) => s.url) ?? [];
    });
  await expect.poll(signaling).toEqual(['ws://127.0.0.3:9', 'ws://127.0.0.1:9']);
});

test.describe('the LAN host serving the web build', () => {
  let host: LanHost;
  test.beforeAll(async () => {
    // `npx vite build` (the e2e run does it first) wrote dist/renderer.
    host = await startLanHost({ host: '127.0.0.1', port: 0, rendererRoot: path.join(root, 'dist', 'renderer'), csp: buildContentSecurityPolicy(), displayName: 'e2e' });
  });
  test.afterAll(async () => {
    await host?.stop();
  });
  // A browser on another computer (plain http, not a secure context) joining through it: lan-browser.spec.ts.

  test('a browser opens the app from it, under the CSP, with no policy violations', async () => {
    const browser = await chromium.launch({ executablePath: await chromiumPath(), args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      const violations: string[] = [];
      page.on('console', (m) => {
        if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
      });
      const response = await page.goto(host.pageUrls[0]!);
      expect(response?.headers()['content-security-policy']).toBe(buildContentSecurityPolicy());
      await enterName(page, 'Ada');
      await expect(page.getByRole('heading', { name: 'Incidents', exact: true })).toBeVisible();
      expect(violations).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
