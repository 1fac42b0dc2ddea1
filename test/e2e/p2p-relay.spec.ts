import { test, expect } from '../support/fixtures';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRelayServer, type RelayServer } from '../../electron/relay/relay-server';
import { openSqliteStore } from '../../electron/relay/sqlite-store';
import { addEntry, declareIncident } from '../support/war-room-page';
import { appQuery, authoredTexts, content, decodeInvite, incidentIdOf, joinWithInvite, launchPeer, setServers, shareInvite, stats, type Peer } from '../support/p2p';

/*
 * The relay path of peer-to-peer sync (see p2p.spec.ts for WebRTC): a real
 * Hocuspocus relay with the embedded SQLite store, started here, and no
 * signaling server at all, so WebRTC cannot be what carries the data.
 * relay-cluster.spec.ts runs several nodes with Redis and PostgreSQL.
 */
test.use({ trace: 'off' });

const peers: Peer[] = [];
test.afterEach(async () => {
  await Promise.allSettled(peers.splice(0).map((p) => p.close()));
});

const peer = async (name: string, baseURL: string): Promise<Peer> => {
  const p = await launchPeer(name, baseURL, appQuery({}));
  peers.push(p);
  return p;
};

test('relay path: with WebRTC off, peers sync through the relay, which keeps a copy on disk', async ({ baseURL }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'warroom-relay-e2e-'));
  const store = () => openSqliteStore(join(dataDir, 'relay.sqlite'));
  let relay: RelayServer | null = await startRelayServer({ host: '127.0.0.1', port: 0, store: store() });
  try {
    const a = await peer('Ada', baseURL!);
    await declareIncident(a.page, 'Cross-site outage', 'SEV1');
    await addEntry(a.page, 'observation', 'EU and US both down');
    const id = incidentIdOf(a.page);
    await shareInvite(a.page);
    // Switch this incident to the relay only, in the share dialog.
    const invite = await setServers(a.page, { signaling: [], relays: [relay.url] });
    expect(decodeInvite(invite)).toMatchObject({ s: [], x: relay.url });

    const b = await peer('Bob', baseURL!);
    await joinWithInvite(b.page, invite);
    await expect(b.page.getByTestId('incident-title')).toHaveText('Cross-site outage');
    for (const p of [a, b]) {
      await expect.poll(async () => (await stats(p.page, id))?.relay).toMatchObject({ status: 'connected', synced: true, url: relay!.url, doc: expect.stringMatching(/^warroom-relay-/), refused: null });
      expect((await stats(p.page, id))!.webrtc).toBeNull();
      await expect(p.page.getByTestId('sync-status')).toContainText('relay');
    }
    await addEntry(b.page, 'action', 'Bob: failing over DNS');
    await addEntry(a.page, 'decision', 'Ada: declare SEV1 comms');
    const all = ['EU and US both down', 'Bob: failing over DNS', 'Ada: declare SEV1 comms'].sort();
    await expect.poll(() => authoredTexts(a.page)).toEqual(all);
    await expect.poll(() => authoredTexts(b.page)).toEqual(all);
    const reference = JSON.stringify((await content(a.page, id)) as object);

    // Everyone leaves and the relay restarts: a newcomer still gets the whole incident from its disk.
    await a.close();
    await b.close();
    const port = relay.port;
    await relay.close();
    relay = await startRelayServer({ host: '127.0.0.1', port, store: store() });
    const c = await peer('Cy', baseURL!);
    await joinWithInvite(c.page, invite);
    await expect(c.page.getByTestId('incident-title')).toHaveText('Cross-site outage');
    await expect.poll(() => authoredTexts(c.page)).toEqual(all);
    const got = (await content(c.page, id)) as Record<string, unknown>;
    const want = JSON.parse(reference) as Record<string, unknown>;
    expect(got).toEqual(want);
  } finally {
    await relay?.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
