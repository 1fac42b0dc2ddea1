import { test, expect, chromium, type Browser, type Page } from '../support/fixtures';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startLanHost, type LanHost } from '../../electron/lan/lan-host';
import { buildContentSecurityPolicy } from '../../electron/security/content-security-policy';
import { CHROMIUM_ARGS, chromiumPath } from '../support/browser';
import { throttleContext } from '../support/slowdown';
import { addEntry, declareIncident, enterName } from '../support/war-room-page';
import { appQuery, authoredTexts, content, expectWebrtcPeers, incidentIdOf, launchPeer, shareInvite, type Peer } from '../support/p2p';

/*
 * A browser on another computer joins through the desktop app's LAN host: the
 * real LAN server (electron/lan/lan-host.ts: static web build + signaling on
 * one port) serves dist/renderer over plain http under a non-loopback host
 * name, so that page is not a secure context and has no crypto.subtle and no
 * navigator.clipboard. It must still join an incident that a normal (secure)
 * peer shares, over real WebRTC between two Chromium processes, with room
 * encryption byte-compatible between the two (renderer/sync/room-crypto.ts).
 */
test.describe.configure({ mode: 'default' });
test.use({ trace: 'off' });

const LAN_NAME = 'warroom-lan.test';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

let lan: LanHost;
let peerA: Peer | undefined;
let browserB: Browser | undefined;

test.beforeEach(async () => {
  // `npm run build:renderer` (the e2e run does it first) wrote dist/renderer.
  lan = await startLanHost({ host: '127.0.0.1', port: 0, rendererRoot: path.join(root, 'dist', 'renderer'), csp: buildContentSecurityPolicy(), displayName: 'Ada' });
});

test.afterEach(async () => {
  await Promise.allSettled([peerA?.close(), browserB?.close()]);
  peerA = browserB = undefined;
  await lan.stop();
});

/** What the page copied with the legacy copy command (the Clipboard API is absent here). */
const recordCopies = (page: Page) =>
  page.addInitScript(() => {
    const copies: string[] = [];
    (window as unknown as { __copies: string[] }).__copies = copies;
    document.addEventListener('copy', (e) => {
      const field = e.target instanceof HTMLTextAreaElement ? e.target : null;
      copies.push(field ? field.value.slice(field.selectionStart, field.selectionEnd) : String(document.getSelection()));
    });
  });

test('a browser on the LAN host over plain http (not a secure context) joins and syncs both ways over WebRTC', async ({ baseURL }) => {
  const signalingUrl = lan.signalingUrls[0]!;

  // A: the usual secure page (http://127.0.0.1), meeting peers on the LAN host's signaling server.
  peerA = await launchPeer('Ada', baseURL!, appQuery({ signal: signalingUrl }));
  const a = peerA.page;
  await declareIncident(a, 'Core switch flapping', 'SEV1');
  await addEntry(a, 'observation', 'Port-channel 12 down on core-sw-2');
  const id = incidentIdOf(a);
  const invite = await shareInvite(a);

  // B: another Chromium process, fresh profile, with the app's real CSP (no bypass), on a LAN-style name.
  browserB = await chromium.launch({ executablePath: await chromiumPath(), args: [...CHROMIUM_ARGS, `--host-resolver-rules=MAP ${LAN_NAME} 127.0.0.1`], headless: true });
  const contextB = await browserB.newContext();
  await throttleContext(contextB);
  const b = await contextB.newPage();
  const problems: string[] = [];
  b.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  b.on('console', (m) => {
    // A missing resource is reported below with its address.
    if (m.type() === 'error' && m.text().startsWith('Failed to load resource')) return;
    if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) problems.push(`console ${m.type()}: ${m.text()}`);
  });
  b.on('response', (r) => {
    // The favicon too: the build links its own, so Chromium has no reason to ask for /favicon.ico.
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  await recordCopies(b);
  const origin = `http://${LAN_NAME}:${lan.port}`;
  // The QR code's browser link: the invite rides after #join=, which is never sent to the server.
  const response = await b.goto(`${origin}/#join=${invite}`);
  expect(response?.headers()['content-security-policy']).toBe(buildContentSecurityPolicy());
  expect(
    await b.evaluate(() => ({
      secure: window.isSecureContext,
      subtle: typeof globalThis.crypto.subtle,
      random: typeof crypto.getRandomValues,
      clipboard: typeof navigator.clipboard,
    })),
  ).toEqual({ secure: false, subtle: 'undefined', random: 'function', clipboard: 'undefined' });

  await enterName(b, 'Bob');
  const confirm = b.getByRole('dialog', { name: 'Join this incident?' });
  await expect(confirm.getByRole('status')).toContainText('Core switch flapping');
  await confirm.getByRole('button', { name: 'Join' }).click();
  await expect(b).toHaveURL(new RegExp(`#/incident/${id}$`));
  await expect(b.getByTestId('incident-title')).toHaveText('Core switch flapping');
  await expectWebrtcPeers(a, id, 1);
  await expectWebrtcPeers(b, id, 1);
  // No help text about secure contexts any more: the page simply works.
  await expect(b.getByText(/secure context/i)).toHaveCount(0);

  // Typed by people, both directions.
  await expect.poll(() => authoredTexts(b)).toEqual(['Port-channel 12 down on core-sw-2']);
  await addEntry(b, 'action', 'Shutting port-channel 12 on core-sw-2');
  await addEntry(a, 'decision', 'Fail traffic over to core-sw-1');
  const all = ['Fail traffic over to core-sw-1', 'Port-channel 12 down on core-sw-2', 'Shutting port-channel 12 on core-sw-2'];
  await expect.poll(() => authoredTexts(a)).toEqual(all);
  await expect.poll(() => authoredTexts(b)).toEqual(all);
  await expect.poll(async () => JSON.stringify(await content(b, id))).toBe(JSON.stringify(await content(a, id)));

  // Copy without the Clipboard API: the legacy command copies the very invite, inside the modal dialog.
  await b.getByRole('button', { name: 'Share', exact: true }).click();
  const share = b.getByRole('dialog', { name: 'Share this incident' });
  await expect(share.getByLabel('Invite code')).toHaveValue(/^warroom1\./);
  const inviteB = await share.getByLabel('Invite code').inputValue();
  await share.getByRole('button', { name: 'Copy invite' }).click();
  await expect(share.getByRole('status')).toHaveText('Copied');
  expect(await b.evaluate(() => (window as unknown as { __copies: string[] }).__copies)).toEqual([inviteB]);

  expect(problems).toEqual([]);
});
