import { test, expect, chromium, type Browser, type Page } from '@playwright/test';
import { startSignalingServer, type SignalingServer } from '../electron/signaling/signaling-server';
import { CHROMIUM_ARGS, chromiumPath } from '../test/support/browser';
import { declareIncident } from '../test/support/war-room-page';
import { addEntries, appQuery, expectWebrtcPeers, incidentIdOf, joinWithInvite, launchPeer, shareInvite, timelineLength, type Peer } from '../test/support/p2p';
import { record, writeResults } from './results';
import { round, summarise } from './stats';

/*
 * Edit-to-peer latency of the app against a bare y-webrtc page measured in the
 * same run, the time for a joiner to hold a 10k-entry incident, and fan-out.
 * Both browsers run on this machine, so performance.timeOrigin + now() is one
 * clock for sender and receiver.
 */
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 150);
const FANOUT_PEERS = Number(process.env.BENCH_FANOUT ?? 8);
const BARE_URL = process.env.BENCH_BARE_URL ?? 'http://127.0.0.1:4181/';

test.describe.configure({ mode: 'serial' });
let signaling: SignalingServer;
test.beforeAll(async () => {
  signaling = await startSignalingServer({ host: '127.0.0.1', port: 0, limits: { maxConnectionsPerAddress: 256 } });
});
test.afterAll(async () => {
  await signaling.close();
  writeResults();
});

type Bare = { bare: { add(t: string): number; arrival(t: string): Promise<number>; connections(): { webrtc: number; bc: number } } };
type AppHooks = {
  __warroomSync: { entryArrival(id: string, text: string): Promise<number> };
  __warroomTest: { addEntry(id: string, text: string): Promise<number> };
};

/*
 * Probes are armed in the receiving page, and the arming awaited, before the
 * sender adds the entry: a probe installed after the entry arrived would
 * record its own install time instead of the arrival.
 */
type Probes = { __probes?: Map<string, Promise<unknown>> };

/** Arms a probe for `text` in the page under `key`; resolves once it is listening. */
const arm = async (page: Page, key: string, kind: 'screen' | 'bareDoc' | 'appDoc', text: string, incident = ''): Promise<void> => {
  await page.evaluate(
    async ([k, what, t, id]) => {
      const w = window as unknown as Probes & Bare & AppHooks;
      const probes = (w.__probes ??= new Map());
      const now = () => performance.timeOrigin + performance.now();
      // When `t` reaches the DOM (the mutation that brought it) and the first animation
      // frame after that: when it can be on screen. Only mutated nodes are read: no forced layout.
      const screen = () =>
        new Promise<{ dom: number; frame: number }>((resolve) => {
          const done = () => {
            const dom = now();
            requestAnimationFrame(() => resolve({ dom, frame: now() }));
          };
          if (document.body.textContent?.includes(t)) return done();
          const brought = (m: MutationRecord) =>
            m.type === 'characterData' ? !!m.target.textContent?.includes(t) : Array.from(m.addedNodes).some((n) => n.textContent?.includes(t));
          const obs = new MutationObserver((records) => {
            if (!records.some(brought)) return;
            obs.disconnect();
            done();
          });
          obs.observe(document.body, { childList: true, subtree: true, characterData: true });
        });
      probes.set(k, what === 'screen' ? screen() : what === 'bareDoc' ? w.bare.arrival(t) : w.__warroomSync.entryArrival(id, t));
      // entryArrival opens the (already open) incident before it listens: let that settle.
      await new Promise((r) => setTimeout(r, 0));
    },
    [key, kind, text, incident] as const,
  );
};

const probed = <T>(page: Page, key: string): Promise<T> =>
  page.evaluate((k) => (window as unknown as Probes).__probes!.get(k) as Promise<T>, key);

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('edit-to-peer latency: bare y-webrtc baseline vs the app', async ({ baseURL }) => {
  const exe = await chromiumPath();
  const browsers: Browser[] = [];
  try {
    // Baseline: two bare pages in two browser processes.
    const room = `bench-${Date.now()}`;
    const barePages: Page[] = [];
    for (let i = 0; i < 2; i++) {
      const b = await chromium.launch({ executablePath: exe, args: CHROMIUM_ARGS, headless: true });
      browsers.push(b);
      const p = await b.newPage();
      await p.goto(`${BARE_URL}?${new URLSearchParams({ signal: signaling.url, room, password: 'bench-secret' })}`);
      barePages.push(p);
    }
    const [bs, br] = barePages as [Page, Page];
    await expect.poll(() => br.evaluate(() => (window as unknown as Bare).bare.connections()), { timeout: 30_000 }).toEqual({ webrtc: 1, bc: 0 });

    // The app: A shares, B joins, entries typed through the real domain operation.
    const a = await launchPeer('Ada', baseURL!, appQuery({ signal: signaling.url }));
    const b = await launchPeer('Bob', baseURL!, appQuery({ signal: signaling.url }));
    const peers: Peer[] = [a, b];
    try {
      await declareIncident(a.page, 'Latency benchmark', 'SEV3');
      const id = incidentIdOf(a.page);
      await joinWithInvite(b.page, await shareInvite(a.page));
      await expectWebrtcPeers(a.page, id, 1);
      await expectWebrtcPeers(b.page, id, 1);
      // Samples alternate bare, app, bare, app…: a noisy moment of this shared
      // machine lands on both sides instead of skewing the ratio.
      const bareDoc: number[] = [];
      const bareScreen: number[] = [];
      const appDoc: number[] = [];
      const appDom: number[] = [];
      const appScreen: number[] = [];
      for (let i = 0; i < SAMPLES; i++) {
        const bareText = `bare-${i}`;
        await arm(br, 'doc', 'bareDoc', bareText);
        await arm(br, 'screen', 'screen', bareText);
        const bt0 = await bs.evaluate((t) => (window as unknown as Bare).bare.add(t), bareText);
        bareDoc.push((await probed<number>(br, 'doc')) - bt0);
        bareScreen.push((await probed<{ frame: number }>(br, 'screen')).frame - bt0);
        await pause(30);

        const text = `app-latency-${i}`;
        await arm(b.page, 'doc', 'appDoc', text, id);
        await arm(b.page, 'screen', 'screen', text);
        const t0 = await a.page.evaluate(([incident, t]) => (window as unknown as AppHooks).__warroomTest.addEntry(incident, t), [id, text] as const);
        appDoc.push((await probed<number>(b.page, 'doc')) - t0);
        const { dom, frame } = await probed<{ dom: number; frame: number }>(b.page, 'screen');
        appDom.push(dom - t0);
        appScreen.push(frame - t0);
        await pause(30);
      }
      const bare = summarise(bareDoc);
      const bareOnScreen = summarise(bareScreen);
      const doc = summarise(appDoc);
      const dom = summarise(appDom);
      const screen = summarise(appScreen);
      record('p1_samples', SAMPLES);
      record('p1_bare_doc_median_ms', bare.median);
      record('p1_bare_doc_p95_ms', bare.p95);
      record('p1_doc_median_ms', doc.median);
      record('p1_doc_p95_ms', doc.p95);
      record('p1_doc_p95_ratio', round(doc.p95 / bare.p95));
      record('p1_dom_median_ms', dom.median);
      record('p1_dom_p95_ms', dom.p95);
      record('p1_screen_median_ms', screen.median);
      record('p1_screen_p95_ms', screen.p95);
      record('p1_screen_p95_minus_bare_p95_ms', round(screen.p95 - bare.p95));
      record('p1_bare_screen_median_ms', bareOnScreen.median);
      record('p1_bare_screen_p95_ms', bareOnScreen.p95);
      record('p1_screen_p95_minus_bare_screen_p95_ms', round(screen.p95 - bareOnScreen.p95));
    } finally {
      await Promise.allSettled(peers.map((p) => p.close()));
    }
  } finally {
    await Promise.allSettled(browsers.map((b) => b.close()));
  }
});

test('time for a joiner to hold a 10k-entry incident', async ({ baseURL }) => {
  const a = await launchPeer('Ada', baseURL!, appQuery({ signal: signaling.url }));
  const peers: Peer[] = [a];
  try {
    await declareIncident(a.page, 'Big incident', 'SEV2');
    const id = incidentIdOf(a.page);
    const total = (await addEntries(a.page, id, 10_000, 'bulk')) as number;
    const invite = await shareInvite(a.page);
    const b = await launchPeer('Bob', baseURL!, appQuery({ signal: signaling.url }));
    peers.push(b);
    const started = Date.now();
    await joinWithInvite(b.page, invite);
    await expect.poll(() => timelineLength(b.page, id), { timeout: 5 * 60_000, intervals: [100] }).toBe(total);
    const docMs = Date.now() - started;
    await expect(b.page.getByTestId('incident-title')).toHaveText('Big incident');
    record('p2_entries', total);
    record('p2_joiner_holds_10k_ms', docMs);
  } finally {
    await Promise.allSettled(peers.map((p) => p.close()));
  }
});

test(`fan-out: one entry reaching ${FANOUT_PEERS - 1} peers`, async ({ baseURL }) => {
  const peers: Peer[] = [];
  try {
    const a = await launchPeer('Host', baseURL!, appQuery({ signal: signaling.url }));
    peers.push(a);
    await declareIncident(a.page, 'Fan-out benchmark', 'SEV2');
    const id = incidentIdOf(a.page);
    const invite = await shareInvite(a.page);
    for (let i = 1; i < FANOUT_PEERS; i++) {
      const p = await launchPeer(`Peer ${i}`, baseURL!, appQuery({ signal: signaling.url }));
      peers.push(p);
      await joinWithInvite(p.page, invite);
    }
    await expectWebrtcPeers(a.page, id, FANOUT_PEERS - 1);
    const reachAll: number[] = [];
    const rounds = Math.max(10, Math.floor(SAMPLES / 3));
    for (let i = 0; i < rounds; i++) {
      const text = `fanout-${i}`;
      await Promise.all(peers.slice(1).map((p) => arm(p.page, 'doc', 'appDoc', text, id)));
      const t0 = await a.page.evaluate(([incident, t]) => (window as unknown as AppHooks).__warroomTest.addEntry(incident, t), [id, text] as const);
      const arrivals = await Promise.all(peers.slice(1).map((p) => probed<number>(p.page, 'doc')));
      reachAll.push(Math.max(...arrivals) - t0);
      await pause(100);
    }
    const s = summarise(reachAll);
    record('p6_fanout_peers', FANOUT_PEERS);
    record('p6_fanout_median_ms', s.median);
    record('p6_fanout_p95_ms', s.p95);
  } finally {
    await Promise.allSettled(peers.map((p) => p.close()));
  }
});

test('offline merge: two peers each add 1,000 entries apart, then reconnect', async ({ baseURL }) => {
  const exe = await chromiumPath();
  const bareBrowser = await chromium.launch({ executablePath: exe, args: CHROMIUM_ARGS, headless: true });
  const peers: Peer[] = [];
  try {
    // Baseline: plain Yjs exchanging the same two sets of 1,000 entries in one page, no network or disk.
    const bp = await bareBrowser.newPage();
    await bp.goto(`${BARE_URL}?${new URLSearchParams({ signal: signaling.url, room: `bare-merge-${Date.now()}`, password: 'bench-secret' })}`);
    const bareRuns: number[] = [];
    for (let i = 0; i < 3; i++) bareRuns.push(await bp.evaluate(() => (window as unknown as { bare: { mergeBaseline(n: number): number } }).bare.mergeBaseline(1000)));
    record('p4_bare_merge_ms', round(Math.min(...bareRuns)));

    const a = await launchPeer('Ada', baseURL!, appQuery({ signal: signaling.url }));
    const b = await launchPeer('Bob', baseURL!, appQuery({ signal: signaling.url }));
    peers.push(a, b);
    await declareIncident(a.page, 'Offline merge', 'SEV2');
    const id = incidentIdOf(a.page);
    await joinWithInvite(b.page, await shareInvite(a.page));
    await expectWebrtcPeers(a.page, id, 1);
    await expect.poll(() => timelineLength(b.page, id)).toBe(await timelineLength(a.page, id));
    for (const p of peers) {
      await p.page.getByRole('button', { name: 'Go offline' }).click();
      await expect(p.page.getByTestId('sync-status')).toHaveAttribute('data-state', 'offline');
    }
    const before = await timelineLength(a.page, id);
    await addEntries(a.page, id, 1000, 'ada-offline');
    await addEntries(b.page, id, 1000, 'bob-offline');
    const want = before + 2000;
    const started = Date.now();
    await Promise.all(peers.map((p) => p.page.getByRole('button', { name: 'Reconnect' }).click()));
    await Promise.all(
      peers.map(async (p) => {
        await expect.poll(() => timelineLength(p.page, id), { timeout: 5 * 60_000, intervals: [25] }).toBe(want);
        await p.page.evaluate((incident) => (window as unknown as { __warroomTest: { whenSaved(i: string): Promise<void> } }).__warroomTest.whenSaved(incident), id);
      }),
    );
    record('p4_offline_merge_ms', Date.now() - started);
  } finally {
    await Promise.allSettled(peers.map((p) => p.close()));
    await bareBrowser.close();
  }
});
