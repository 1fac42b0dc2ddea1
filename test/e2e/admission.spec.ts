import { test, expect, chromium } from '../support/fixtures';
import { startSignalingServer, type SignalingServer } from '../../electron/signaling/signaling-server';
import { CHROMIUM_ARGS, chromiumPath } from '../support/browser';
import { addEntry, declareIncident } from '../support/war-room-page';
import { appQuery, decodeInvite, expectWebrtcPeers, incidentIdOf, launchPeer, shareInvite, stats, type Peer } from '../support/p2p';
import { serveStockPeer, type StockPeerServer } from '../support/stock-peer';

/*
 * R5, admission: a stock y-webrtc peer (not Warroom) in the incident's room
 * with the wrong password gets no byte of the document; with the right one
 * (the control) it does. The room name says nothing of the incident.
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

type Bare = { bare: { connections(): { webrtc: number; bc: number }; stateBytes(): number } };

test('a stock y-webrtc peer with the wrong password receives nothing; the room name is unrelated to the title and id', async ({ baseURL }) => {
  const a = await launchPeer('Ada', baseURL!, appQuery({ signal: signaling.url }));
  peers.push(a);
  await declareIncident(a.page, 'Payroll export leaked', 'SEV1');
  await addEntry(a.page, 'observation', 'Secret detail nobody outside may read');
  const id = incidentIdOf(a.page);
  const invite = decodeInvite(await shareInvite(a.page));
  const room = String(invite.r);
  expect(room).toMatch(/^warroom-[0-9a-f]{32}$/);
  for (const word of ['Payroll', 'payroll', 'leaked', id]) expect(room).not.toContain(word);

  // Each stock peer in a browser process of its own: same-origin pages of one browser would meet over BroadcastChannel.
  const intruderBrowser = await chromium.launch({ executablePath: await chromiumPath(), args: CHROMIUM_ARGS, headless: true });
  const controlBrowser = await chromium.launch({ executablePath: await chromiumPath(), args: CHROMIUM_ARGS, headless: true });
  try {
    // Wrong password, same room, same signaling server: it joins first, and stays.
    const intruder = await intruderBrowser.newPage();
    await intruder.goto(stock.url({ room, signal: signaling.url, password: 'x'.repeat(43) }));
    // The control: a stock peer with the right password does get the document, so the room is reachable.
    const control = await controlBrowser.newPage();
    await control.goto(stock.url({ room, signal: signaling.url, password: String(invite.p) }));
    await control.evaluate(() => (window as unknown as { bare: { arrival(t: string): Promise<number> } }).bare.arrival('Secret detail nobody outside may read'));
    await expectWebrtcPeers(a.page, id, 1);
    expect(await control.evaluate(() => (window as unknown as Bare).bare.stateBytes())).toBeGreaterThan(100);
    // The intruder was in the room, on the same server, all that time: no connection, no byte of the document.
    expect(await intruder.evaluate(() => (window as unknown as Bare).bare.connections())).toEqual({ webrtc: 0, bc: 0 });
    expect(await intruder.evaluate(() => (window as unknown as Bare).bare.stateBytes())).toBe(2);
    expect((await stats(a.page, id))!.webrtc!.connectedPeers).toBe(1);
  } finally {
    await intruderBrowser.close();
    await controlBrowser.close();
  }
});
