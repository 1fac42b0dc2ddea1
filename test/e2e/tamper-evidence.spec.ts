import { test, expect, chromium } from '../support/fixtures';
import type * as Y from 'yjs';
import { startSignalingServer, type SignalingServer } from '../../electron/signaling/signaling-server';
import { CHROMIUM_ARGS, chromiumPath } from '../support/browser';
import { addEntry, declareIncident, expectAuthoredTexts } from '../support/war-room-page';
import { appQuery, decodeInvite, expectWebrtcPeers, incidentIdOf, launchPeer, shareInvite, type Peer } from '../support/p2p';
import { serveStockPeer, type StockPeerServer } from '../support/stock-peer';
import { sidePane } from '../support/side-panes';

/*
 * R7, tamper evidence: every entry, edit and retraction the app makes is
 * signed by its device. A stock y-webrtc peer holding the invite rewrites an
 * entry's text behind the app's back and adds one of its own: after a check,
 * the rewritten entry is marked unverified with the reason, the peer's own
 * entry unsigned, and everything else verified.
 */

let signaling: SignalingServer;
let stock: StockPeerServer;
const peers: Peer[] = [];

test.beforeEach(async () => {
  signaling = await startSignalingServer({ host: '127.0.0.1', port: 0 });
  stock = await serveStockPeer();
});

test.afterEach(async () => {
  await Promise.allSettled(peers.splice(0).map((p) => p.close()));
  await stock.close();
  await signaling.close();
});

type Arrival = { bare: { arrival(t: string): Promise<number> } };

test('R7: an entry rewritten by a peer without a signature is marked unverified; the rest verifies', async ({ baseURL }) => {
  const a = await launchPeer('Ada', baseURL!, appQuery({ signal: signaling.url }));
  peers.push(a);
  const { page } = a;
  await declareIncident(page, 'Signed timeline', 'SEV2');
  await addEntry(page, 'observation', 'p99 latency at 4 s');
  await addEntry(page, 'action', 'Rolled back web to v41');
  await expectAuthoredTexts(page, ['p99 latency at 4 s', 'Rolled back web to v41']);

  const pane = sidePane(page, 'Signatures');
  await pane.getByRole('button', { name: 'Check signatures' }).click();
  const summary = pane.getByTestId('signatures-summary');
  await expect(summary).toHaveText(/^\d+ entries signed and verified\.$/);
  const rows = page.getByTestId('timeline-entry');
  const count = await rows.count();
  await expect(page.getByTestId('entry-verdict').and(page.locator('[data-state="verified"]'))).toHaveCount(count);

  const id = incidentIdOf(page);
  const invite = decodeInvite(await shareInvite(page));
  const rogueBrowser = await chromium.launch({ executablePath: await chromiumPath(), args: CHROMIUM_ARGS, headless: true });
  try {
    const rogue = await rogueBrowser.newPage();
    await rogue.goto(stock.url({ room: String(invite.r), signal: signaling.url, password: String(invite.p) }));
    await rogue.evaluate(() => (window as unknown as Arrival).bare.arrival('Rolled back web to v41'));
    await expectWebrtcPeers(page, id, 1);
    await rogue.evaluate(() => {
      const { bareDoc: doc, Y: Yjs } = window as unknown as { bareDoc: Y.Doc; Y: typeof Y };
      const timeline = doc.getArray<Y.Map<unknown>>('timeline');
      doc.transact(() => {
        const target = timeline.toArray().find((m) => m.get('text') === 'Rolled back web to v41')!;
        target.set('text', 'Rolled back web to v40');
        const own = new Yjs.Map<unknown>();
        const now = Date.now();
        for (const [k, v] of Object.entries({ id: 'stock-entry-1', kind: 'note', text: 'Written by a stock peer', author: { name: 'Stock', deviceId: 'stock-device' }, occurredAt: now, recordedAt: now, clock: 99, pinned: false, retracted: null }))
          own.set(k, v);
        own.set('edits', new Yjs.Array());
        timeline.insert(timeline.length, [own]);
      });
    });
    await expectAuthoredTexts(page, ['p99 latency at 4 s', 'Rolled back web to v40', 'Written by a stock peer']);

    // The check follows the document once asked: the summary and the marks update by themselves.
    await expect(summary).toContainText('1 unsigned, 1 unverified.');
    await expect(summary).toHaveAttribute('role', 'alert');
    const tampered = rows.filter({ hasText: 'Rolled back web to v40' }).getByTestId('entry-verdict');
    await expect(tampered).toHaveAttribute('data-state', 'unverified');
    await expect(tampered).toHaveAttribute('title', "Its text, time or author differs from what Ada's device signed when it was written.");
    await expect(rows.filter({ hasText: 'Written by a stock peer' }).getByTestId('entry-verdict')).toHaveAttribute('data-state', 'unsigned');
    await expect(rows.filter({ hasText: 'p99 latency at 4 s' }).getByTestId('entry-verdict')).toHaveAttribute('data-state', 'verified');
  } finally {
    await rogueBrowser.close();
  }
});
