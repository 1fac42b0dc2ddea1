import { chromium, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath, launchProfile } from './browser';
import { throttleContext } from './slowdown';
import { enterName } from './war-room-page';

/**
 * Peers for the WebRTC suites. Each peer is its own Chromium process (its own
 * chromium.launch or persistent context): two pages of one browser would sync
 * over BroadcastChannel and prove nothing about WebRTC.
 */
export interface Peer {
  name: string;
  page: Page;
  context: BrowserContext;
  close(): Promise<void>;
}

/** The read-only hook the app installs (renderer/sync/debug-hook.ts), typed loosely here. */
export interface PeerStats {
  webrtcConns: number;
  connectedPeers: number;
  bcConns: number;
  signaling: { url: string; connected: boolean }[];
  peers: {
    id: string;
    connected: boolean;
    step1In: number;
    step1Out: number;
    chunkedIn: number;
    chunkedOut: number;
    bytesIn: number;
    connectedAt: number | null;
  }[];
}
export interface SyncStats {
  paused: boolean;
  webrtc: PeerStats | null;
  relay: { status: string; synced: boolean; url: string; urls: string[]; switches: number; unsyncedChanges: number; refused: string | null; retrying: boolean } | null;
  lastSyncedAt: number | null;
}
type Hooks = {
  __warroomSync: { stats(id: string): SyncStats | null; content(id: string): unknown; timelineLength(id: string): number };
  __warroomTest: {
    addEntries(id: string, count: number, prefix?: string): Promise<number>;
    addStep(id: string, title: string): Promise<string>;
    checkStep(id: string, stepId: string): Promise<void>;
  };
};

export const appQuery = (params: Record<string, string | undefined>): string => {
  const q = new URLSearchParams({ testhooks: '1' });
  for (const [k, v] of Object.entries(params)) if (v !== undefined) q.set(k, v);
  return `/?${q.toString()}`;
};

/** A new Chromium process on a fresh (or given) profile, at `path`. Enters the name on a fresh profile. */
export const launchPeer = async (name: string, baseURL: string, path: string, profileDir?: string): Promise<Peer> => {
  let browser: Browser | null = null;
  let context: BrowserContext;
  if (profileDir) {
    context = await launchProfile(profileDir, baseURL);
  } else {
    browser = await chromium.launch({ executablePath: await chromiumPath(), args: CHROMIUM_ARGS, headless: true });
    // bypassCSP only so the tests can inject axe-core; the app's own scripts obey the CSP either way.
    context = await browser.newContext({ baseURL, bypassCSP: true });
    await throttleContext(context);
  }
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(path);
  const nameField = page.getByLabel('Your name');
  const list = page.getByRole('heading', { name: 'Incidents' }).or(page.getByText('Waiting for this incident to sync')).or(page.getByTestId('incident-title'));
  await expect(nameField.or(list).first()).toBeVisible();
  if (await nameField.isVisible()) await enterName(page, name);
  return {
    name,
    page,
    context,
    close: async () => {
      await context.close();
      await browser?.close();
    },
  };
};

export const incidentIdOf = (page: Page): string => {
  const m = /#\/incident\/([A-Za-z0-9_-]+)/.exec(page.url());
  if (!m) throw new Error(`not in a war room: ${page.url()}`);
  return m[1]!;
};

export const shareInvite = async (page: Page): Promise<string> => {
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this incident' });
  const code = dialog.getByLabel('Invite code');
  await expect(code).toHaveValue(/^warroom1\./);
  const invite = await code.inputValue();
  await dialog.getByRole('button', { name: 'Close' }).click();
  return invite;
};

/** Set an incident's servers in the share dialog ("Servers"); returns the new invite. An empty signaling list means relay only. */
export const setServers = async (page: Page, servers: { signaling: string[]; relays: string[] }): Promise<string> => {
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this incident' });
  await dialog.getByText('Servers', { exact: true }).click();
  await dialog.getByLabel(/Signaling servers/).fill(servers.signaling.join('\n'));
  await dialog.getByLabel(/Relay/).fill(servers.relays.join('\n'));
  await dialog.getByRole('button', { name: 'Save servers' }).click();
  await expect(dialog.getByText('Saved.')).toBeVisible();
  const invite = await dialog.getByLabel('Invite code').inputValue();
  await dialog.getByRole('button', { name: 'Close' }).click();
  return invite;
};

export const joinWithInvite = async (page: Page, invite: string): Promise<void> => {
  await page.getByRole('button', { name: 'Join with invite' }).click();
  const dialog = page.getByRole('dialog', { name: 'Join with invite' });
  await dialog.getByLabel('Invite code').fill(invite);
  await dialog.getByRole('button', { name: 'Join' }).click();
  await expect(page.getByText('Waiting for this incident to sync').or(page.getByTestId('incident-title')).first()).toBeVisible();
};

export const stats = (page: Page, id: string): Promise<SyncStats | null> =>
  page.evaluate((incidentId) => (window as unknown as Hooks).__warroomSync.stats(incidentId), id);

export const content = (page: Page, id: string): Promise<unknown> =>
  page.evaluate((incidentId) => (window as unknown as Hooks).__warroomSync.content(incidentId), id);

/** Test-only writes through the real domain operations (needs ?testhooks=1). */
export const addEntries = (page: Page, id: string, count: number, prefix: string): Promise<number> =>
  page.evaluate(([i, n, p]) => (window as unknown as Hooks).__warroomTest.addEntries(i, n, p), [id, count, prefix] as const);

export const addStep = (page: Page, id: string, title: string): Promise<string> =>
  page.evaluate(([i, t]) => (window as unknown as Hooks).__warroomTest.addStep(i, t), [id, title] as const);

export const checkStep = (page: Page, id: string, stepId: string): Promise<void> =>
  page.evaluate(([i, s]) => (window as unknown as Hooks).__warroomTest.checkStep(i, s), [id, stepId] as const);

/** Wait until both peers hold a direct WebRTC connection to each other, and nothing over BroadcastChannel. */
export const expectWebrtcPeers = async (page: Page, id: string, peers: number): Promise<void> => {
  await expect
    .poll(async () => {
      const s = await stats(page, id);
      return s?.webrtc ? { connected: s.webrtc.connectedPeers, bc: s.webrtc.bcConns, conns: s.webrtc.webrtcConns > 0 } : null;
    }, { timeout: 120_000 })
    .toEqual({ connected: peers, bc: 0, conns: true });
};

/** Authored entry texts in the visible timeline, sorted (peers may interleave in any order). */
export const authoredTexts = async (page: Page): Promise<string[]> =>
  (
    await page
      .locator('[data-testid="timeline-entry"]:is([data-kind="observation"],[data-kind="action"],[data-kind="decision"],[data-kind="status"],[data-kind="comms"],[data-kind="note"]) .entry-text')
      .allTextContents()
  ).sort();

/** Decode an invite's JSON body (format in the README), for tests that tamper with it. */
export const decodeInvite = (invite: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(invite.slice('warroom1.'.length), 'base64url').toString('utf8')) as Record<string, unknown>;

export const encodeInvite = (body: Record<string, unknown>): string => `warroom1.${Buffer.from(JSON.stringify(body), 'utf8').toString('base64url')}`;

/** The number of timeline entries in a peer's copy of the document. */
export const timelineLength = async (page: Page, id: string): Promise<number> =>
  page.evaluate((incidentId) => (window as unknown as Hooks).__warroomSync.timelineLength(incidentId), id);
