import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect, type Page } from '../support/fixtures';
import { startLanHost, type LanHost } from '../../electron/lan/lan-host';
import { buildContentSecurityPolicy } from '../../electron/security/content-security-policy';
import { startSignalingServer, type SignalingServer } from '../../electron/signaling/signaling-server';
import { TestClient } from '../../electron/signaling/test-client';
import { addEntry, declareIncident, enterName, expectAuthoredTexts } from '../support/war-room-page';
import { appQuery, authoredTexts, decodeInvite, expectWebrtcPeers, incidentIdOf, joinWithInvite, launchPeer, shareInvite, stats, type Peer } from '../support/p2p';

/*
 * Users own their data: an incident can be archived (out of the list and the
 * metrics, on this device) or deleted (every trace of it on this device, and
 * nothing of anyone else's copy), and an invite can be replaced or withdrawn
 * (the old one then lets nobody join, and the peers holding it are told).
 */
test.describe.configure({ mode: 'default' });
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
test.use({ trace: 'off' });

/** What this origin's IndexedDB holds about an incident, read from the database itself. */
const stored = (page: Page, id: string) =>
  page.evaluate(
    (incidentId) =>
      new Promise<{ row: boolean; updates: number; share: boolean; archived: boolean }>((resolve, reject) => {
        const open = indexedDB.open('warroom');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['incidents', 'docUpdates', 'shares', 'archived'], 'readonly');
          const out = { row: false, updates: 0, share: false, archived: false };
          tx.objectStore('incidents').count(incidentId).onsuccess = (e) => (out.row = (e.target as IDBRequest<number>).result > 0);
          tx.objectStore('shares').count(incidentId).onsuccess = (e) => (out.share = (e.target as IDBRequest<number>).result > 0);
          tx.objectStore('archived').count(incidentId).onsuccess = (e) => (out.archived = (e.target as IDBRequest<number>).result > 0);
          tx.objectStore('docUpdates').openCursor().onsuccess = (e) => {
            const cursor = (e.target as IDBRequest<IDBCursorWithValue | null>).result;
            if (!cursor) return;
            if ((cursor.value as { incidentId: string }).incidentId === incidentId) out.updates += 1;
            cursor.continue();
          };
          tx.oncomplete = () => {
            db.close();
            resolve(out);
          };
        };
      }),
    id,
  );

const listedTitles = (page: Page) => page.getByTestId('incident-row').getByRole('button');

test.describe('on one device', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/');
    await enterName(page, 'Ada');
  });

  test('archive: the confirmation names the incident; it leaves the list and the metrics until asked for', async ({ page }) => {
    await declareIncident(page, 'Checkout returns 500', 'SEV2');
    await page.getByRole('button', { name: '← All incidents' }).click();
    await declareIncident(page, 'Disk full on db-3', 'SEV3');
    const id = incidentIdOf(page);

    await page.getByRole('button', { name: 'Archive…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Archive “Disk full on db-3”?' });
    await expect(dialog).toContainText('Nothing changes for anyone else');
    await dialog.getByRole('button', { name: 'Archive', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Incidents', exact: true })).toBeVisible();
    await expect(page.getByText('Archived “Disk full on db-3”.')).toBeVisible();
    await expect(listedTitles(page)).toHaveText(['Checkout returns 500']);
    expect(await stored(page, id)).toMatchObject({ row: true, archived: true });

    await page.getByRole('button', { name: 'Metrics across incidents' }).click();
    const summary = page.getByTestId('metrics-summary');
    await expect(summary).toContainText('1 incident counted');
    await expect(summary).toContainText('1 archived incident left out');
    await page.getByLabel('Include archived').check();
    await expect(summary).toContainText('2 incidents counted');

    await page.goto('/#/');
    await expect(listedTitles(page)).toHaveText(['Checkout returns 500']);
    await page.getByLabel('Show archived (1)').check();
    const row = page.getByTestId('incident-row').filter({ hasText: 'Disk full on db-3' });
    await expect(row.getByText('ARCHIVED')).toBeVisible();
    await row.getByRole('button', { name: 'Disk full on db-3' }).click();
    await page.getByRole('button', { name: 'Unarchive' }).click();
    await expect(page.getByText('“Disk full on db-3” is back in the incident list.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Archive…' })).toBeVisible();
    expect(await stored(page, id)).toMatchObject({ archived: false });
  });

  test('delete: the confirmation names it and says other copies stay; every trace of it leaves this device', async ({ page }) => {
    await declareIncident(page, 'Checkout returns 500', 'SEV2');
    await page.getByRole('button', { name: '← All incidents' }).click();
    await declareIncident(page, 'Disk full on db-3', 'SEV3');
    const id = incidentIdOf(page);
    await addEntry(page, 'observation', '/var at 100% on db-3');
    await shareInvite(page);
    await expect.poll(() => stored(page, id)).toMatchObject({ row: true, share: true });
    expect((await stored(page, id)).updates).toBeGreaterThan(0);

    await page.getByRole('button', { name: 'Delete…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete “Disk full on db-3” from this device?' });
    await expect(dialog).toContainText('does not reach into other copies');
    await expect(dialog).toContainText('everyone you shared it with keeps theirs');
    // Cancel first: nothing happens.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('incident-title')).toHaveText('Disk full on db-3');

    await page.getByRole('button', { name: 'Delete…' }).click();
    await dialog.getByRole('button', { name: 'Delete from this device' }).click();
    await expect(page.getByText('Deleted “Disk full on db-3” from this device.')).toBeVisible();
    await expect(listedTitles(page)).toHaveText(['Checkout returns 500']);
    await expect.poll(() => stored(page, id)).toEqual({ row: false, updates: 0, share: false, archived: false });
    // Focus did not fall to the page's body when the war room went away.
    await expect.poll(() => page.evaluate(() => document.activeElement !== null && document.activeElement !== document.body)).toBe(true);

    await page.reload();
    await expect(listedTitles(page)).toHaveText(['Checkout returns 500']);
    expect(await stored(page, id)).toEqual({ row: false, updates: 0, share: false, archived: false });
  });
});

test.describe('with peers', () => {
  let signaling: SignalingServer;
  const peers: Peer[] = [];

  test.beforeEach(async () => {
    signaling = await startSignalingServer({ host: '127.0.0.1', port: 0 });
  });
  test.afterEach(async () => {
    await Promise.allSettled(peers.splice(0).map((p) => p.close()));
    await signaling.close();
  });

  const peer = async (name: string, baseURL: string): Promise<Peer> => {
    const p = await launchPeer(name, baseURL, appQuery({ signal: signaling.url }));
    peers.push(p);
    return p;
  };

  /** Ada declares and shares, Bob joins, and they are connected over WebRTC. */
  const sharedIncident = async (baseURL: string) => {
    const a = await peer('Ada', baseURL);
    await declareIncident(a.page, 'Payments API 502s', 'SEV1');
    await addEntry(a.page, 'observation', 'Error rate 40% on /charge');
    const id = incidentIdOf(a.page);
    const invite = await shareInvite(a.page);
    const b = await peer('Bob', baseURL);
    await joinWithInvite(b.page, invite);
    await expectWebrtcPeers(a.page, id, 1);
    await expectWebrtcPeers(b.page, id, 1);
    await expectAuthoredTexts(b.page, ['Error rate 40% on /charge']);
    return { a, b, id, invite };
  };

  /** How many clients the signaling server has in a room: a probe subscribes, another publishes, the server counts. */
  const roomOccupants = async (room: string): Promise<number> => {
    const listener = await TestClient.connect(signaling.url);
    const sender = await TestClient.connect(signaling.url);
    try {
      listener.send({ type: 'subscribe', topics: [room] });
      await listener.sync();
      sender.send({ type: 'publish', topic: room, data: { type: 'probe' } });
      const message = await listener.take((m) => m.type === 'publish' && m.topic === room);
      return (message.clients as number) - 1;
    } finally {
      await Promise.all([listener.close(), sender.close()]);
    }
  };

  test('deleting on one device leaves the other copies alone', async ({ baseURL }) => {
    const { a, b, id } = await sharedIncident(baseURL!);
    await b.page.getByRole('button', { name: 'Delete…' }).click();
    await b.page.getByRole('dialog', { name: 'Delete “Payments API 502s” from this device?' }).getByRole('button', { name: 'Delete from this device' }).click();
    await expect(b.page.getByText('Deleted “Payments API 502s” from this device.')).toBeVisible();
    await expect.poll(() => stored(b.page, id)).toEqual({ row: false, updates: 0, share: false, archived: false });
    // Bob's device left the room; Ada's copy is whole and she keeps working in it.
    await expect.poll(async () => (await stats(a.page, id))?.webrtc?.connectedPeers).toBe(0);
    await addEntry(a.page, 'action', 'Failing over to the standby');
    await expectAuthoredTexts(a.page, ['Error rate 40% on /charge', 'Failing over to the standby']);
    expect(await stored(a.page, id)).toMatchObject({ row: true, share: true });
  });

  test('a new invite: the old one lets nobody in, peers holding it are told, and the new one works', async ({ baseURL }) => {
    const { a, b, id, invite } = await sharedIncident(baseURL!);
    const oldRoom = decodeInvite(invite).r as string;
    expect(await roomOccupants(oldRoom)).toBe(2);

    await a.page.getByRole('button', { name: 'Share', exact: true }).click();
    const share = a.page.getByRole('dialog', { name: 'Share this incident' });
    await share.getByRole('button', { name: 'New invite…' }).click();
    await expect(share).toContainText('The current invite will stop working for new joins');
    await share.getByRole('button', { name: 'Make a new invite' }).click();
    await expect(share.getByRole('status').filter({ hasText: 'New invite made' })).toBeVisible();
    const code = share.getByLabel('Invite code');
    await expect(code).not.toHaveValue(invite);
    const newInvite = await code.inputValue();
    expect(decodeInvite(newInvite).r).not.toBe(oldRoom);
    expect(decodeInvite(newInvite).s).toEqual(decodeInvite(invite).s);
    await share.getByRole('button', { name: 'Close' }).click();

    // Bob is told, in words, and his device leaves the old room.
    const notice = b.page.getByTestId('share-withdrawn');
    await expect(notice).toContainText('Ada made a new invite for this incident at');
    await expect(notice).toContainText('paste it into "Join with invite"');
    await expect.poll(() => roomOccupants(oldRoom)).toBe(0);
    expect(await authoredTexts(b.page)).toEqual(['Error rate 40% on /charge']);
    // After a restart too: the old room is not rejoined.
    await b.page.reload();
    await expect(b.page.getByTestId('share-withdrawn')).toBeVisible();
    expect(await stats(b.page, id)).toBeNull();
    expect(await roomOccupants(oldRoom)).toBe(0);

    // The new invite brings Bob back.
    await b.page.goto(appQuery({ signal: signaling.url }));
    await joinWithInvite(b.page, newInvite);
    await expectWebrtcPeers(b.page, id, 1);
    await expect(b.page.getByTestId('share-withdrawn')).toHaveCount(0);
    await addEntry(a.page, 'decision', 'Freeze deploys');
    await expect.poll(() => authoredTexts(b.page)).toEqual(['Error rate 40% on /charge', 'Freeze deploys']);
  });

  test('stop sharing: the room empties, peers are told, and everyone keeps a copy', async ({ baseURL }) => {
    const { a, b, id, invite } = await sharedIncident(baseURL!);
    await a.page.getByRole('button', { name: 'Share', exact: true }).click();
    const share = a.page.getByRole('dialog', { name: 'Share this incident' });
    await share.getByRole('button', { name: 'Stop sharing…' }).click();
    await share.getByRole('button', { name: 'Stop sharing', exact: true }).click();
    await expect(share).toBeHidden();
    await expect(b.page.getByTestId('share-withdrawn')).toContainText('Ada stopped sharing this incident at');
    await expect.poll(() => roomOccupants(decodeInvite(invite).r as string)).toBe(0);
    await expect.poll(() => stored(a.page, id)).toMatchObject({ row: true, share: false });
    expect(await stored(b.page, id)).toMatchObject({ row: true, share: true });
    await expectAuthoredTexts(a.page, ['Error rate 40% on /charge']);
    await expectAuthoredTexts(b.page, ['Error rate 40% on /charge']);
  });
});

test.describe('a page at another port of the same host', () => {
  let other: LanHost;
  test.beforeEach(async () => {
    // The same web build on a second port, as a LAN host that came back on another port would serve it.
    other = await startLanHost({ host: '127.0.0.1', port: 0, rendererRoot: path.join(root, 'dist', 'renderer'), csp: buildContentSecurityPolicy(), displayName: 'Ada' });
  });
  test.afterEach(async () => {
    await other.stop();
  });

  test('says where this browser keeps its earlier incidents', async ({ page, baseURL }) => {
    const first = `${baseURL}/`;
    await page.goto(first);
    await enterName(page, 'Ada');
    await declareIncident(page, 'Checkout returns 500', 'SEV2');
    await page.getByRole('button', { name: '← All incidents' }).click();
    await expect(listedTitles(page)).toHaveText(['Checkout returns 500']);
    // No word about other addresses where there is none.
    await expect(page.getByTestId('other-origins')).toHaveCount(0);

    await page.goto(`http://127.0.0.1:${other.port}/`);
    await enterName(page, 'Ada');
    await expect(page.getByRole('heading', { name: 'No incidents on this device' })).toBeVisible();
    const notice = page.getByRole('complementary', { name: 'Incidents at other addresses' });
    await expect(notice).toContainText('the port counts');
    await notice.getByRole('link', { name: first }).click();
    await expect(page).toHaveURL(first);
    await expect(listedTitles(page)).toHaveText(['Checkout returns 500']);
    // The second address holds nothing, so the first one says nothing about it.
    await expect(page.getByTestId('other-origins')).toHaveCount(0);
  });
});
