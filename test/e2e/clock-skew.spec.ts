import { test, expect } from '../support/fixtures';
import { startSignalingServer, type SignalingServer } from '../../electron/signaling/signaling-server';
import { declareIncident } from '../support/war-room-page';
import { appQuery, expectWebrtcPeers, incidentIdOf, joinWithInvite, launchPeer, shareInvite, type Peer } from '../support/p2p';

/*
 * Two windows of one machine read the same clock: the skew warning must not
 * fire between them, even when one of them is held back (frozen, as Chromium
 * does to a background tab) and its awareness messages arrive seconds late.
 * A peer whose clock really is off is still named. Separate browser processes
 * over real WebRTC, so each has its own device id.
 */
test.describe.configure({ mode: 'default' });
test.use({ trace: 'off' });

let signaling: SignalingServer;
const peers: Peer[] = [];

test.beforeEach(async () => {
  signaling = await startSignalingServer({ host: '127.0.0.1', port: 0 });
});
test.afterEach(async () => {
  await Promise.allSettled(peers.splice(0).map((p) => p.close()));
  await signaling.close();
});

test('no clock-skew warning between two windows of one machine, one held back for seconds; a clock 10 s ahead is named', async ({ baseURL }) => {
  const a = await launchPeer('Ada', baseURL!, appQuery({ signal: signaling.url }));
  peers.push(a);
  await declareIncident(a.page, 'Clock check', 'SEV3');
  const invite = await shareInvite(a.page);
  const id = incidentIdOf(a.page);
  const b = await launchPeer('Bob', baseURL!, appQuery({ signal: signaling.url }));
  peers.push(b);
  await joinWithInvite(b.page, invite);
  await expectWebrtcPeers(a.page, id, 1);
  await expectWebrtcPeers(b.page, id, 1);
  await expect(a.page.getByTestId('peer').filter({ hasText: 'Bob' })).toBeVisible();
  await expect(b.page.getByTestId('peer').filter({ hasText: 'Ada' })).toBeVisible();

  // Hold Bob's window back twice, 8 s each: the messages waiting for it arrive late, all at once.
  const cdp = await b.context.newCDPSession(b.page);
  for (let i = 0; i < 2; i += 1) {
    await cdp.send('Page.setWebLifecycleState', { state: 'frozen' });
    await new Promise((r) => setTimeout(r, 8000)); // the hold-back itself, not a wait for a state
    await cdp.send('Page.setWebLifecycleState', { state: 'active' });
  }
  // Several rounds of clocks (published every 5 s) after the hold-backs: none may report a skew.
  const rounds = async () => {
    const start = Date.now();
    await expect.poll(() => Date.now() - start, { timeout: 60_000, intervals: [1000] }).toBeGreaterThan(20_000);
  };
  await rounds();
  await expect(a.page.getByTestId('skew-warning')).toHaveCount(0);
  await expect(b.page.getByTestId('skew-warning')).toHaveCount(0);
  await expect(a.page.getByTestId('entry-skew')).toHaveCount(0);

  // A clock that really is 10 s ahead is named, through the same round trips.
  await b.context.addInitScript(() => {
    const real = Date.now.bind(Date);
    Date.now = () => real() + 10_000;
  });
  await b.page.reload();
  await expect(b.page.getByTestId('incident-title')).toHaveText('Clock check');
  await expect(a.page.getByTestId('skew-warning')).toHaveText(/Bob's clock is (9\.\d|10(\.\d)?) s ahead of yours/, { timeout: 90_000 });
});
