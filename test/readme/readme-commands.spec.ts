import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect } from '../support/fixtures';
import { TestClient } from '../../electron/signaling/test-client';
import { addEntry, declareIncident } from '../support/war-room-page';
import { authoredTexts, decodeInvite, expectWebrtcPeers, incidentIdOf, joinWithInvite, launchPeer, shareInvite, type Peer } from '../support/p2p';
import { runCommand, type CommandRun } from './command-run';
import { freePort, isListening } from './free-port';
import { connectRelay, roomKeys, type RelayClient } from './relay-client';
import { signedExportJson } from './signed-export';
import { readCommandTable, scriptOf } from './readme-table';

/*
 * Every command in the README's table does what its row says, run from a clean
 * copy of the repository (global-setup.ts) on free loopback ports, the way a
 * new user runs it. A row without a check here fails the first test.
 */
test.skip(process.platform !== 'linux', 'finds leftover processes through /proc');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
const rows = readCommandTable(readme);
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
const copy = (): string => {
  const dir = process.env.WARROOM_README_COPY;
  if (!dir) throw new Error('global-setup.ts did not make the copy of the repository');
  return dir;
};

/** A build on a loaded two-core machine, then the start-up itself. */
const STARTUP_MS = 420_000;

const runs: CommandRun[] = [];
const peers: Peer[] = [];
const relayClients: RelayClient[] = [];
/** What the signaling server and the relay print once they serve. */
const SERVING = (port: number) => new RegExp(`(listening|relay).*127\\.0\\.0\\.1:${port}`, 'i');
const tempDirs: string[] = [];
const start = (command: string, env: Record<string, string> = {}): CommandRun => {
  const run = runCommand(command, { cwd: copy(), env });
  runs.push(run);
  return run;
};
const tempDir = (): string => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'warroom-readme-data-'));
  tempDirs.push(dir);
  return dir;
};

test.afterEach(async () => {
  for (const c of relayClients.splice(0)) c.close();
  await Promise.allSettled(peers.splice(0).map((p) => p.close()));
  for (const run of runs.splice(0)) await run.stop();
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * Ctrl-C, as in a terminal: the server shuts down and exits 0, npm ends with it
 * (npm re-raises the SIGINT on itself, as a shell expects), no process is left
 * behind and the port is free.
 */
const expectCleanInterrupt = async (run: CommandRun, port: number): Promise<void> => {
  run.interrupt();
  const { code, signal } = await run.exited;
  expect(code === 0 || signal === 'SIGINT', `exit ${code ?? signal}:\n${run.output()}`).toBe(true);
  expect(run.output()).toMatch(/SIGINT received/);
  expect(run.output()).not.toMatch(/failed|error/i);
  await expect.poll(() => run.leftovers(), { message: 'processes left behind by the command' }).toEqual([]);
  expect(await isListening(port)).toBe(false);
};

/** Scripts that `npm test` runs, read from its && chain. */
const scriptsOfNpmTest = (): string[] => pkg.scripts.test!.split('&&').map((s) => scriptOf(s.trim()));

type Check = { run: (command: string) => Promise<void> } | { skip: string };

const partOfNpmTest = (): Check => ({
  run: async (command) => {
    // Running it again here would double npm test; what is checked is that npm test (CI) runs it.
    expect(scriptsOfNpmTest()).toContain(scriptOf(command));
  },
});

const checks: Record<string, Check> = {
  'npm run web': {
    run: async () => {
      const port = await freePort();
      const web = start('npm run web', { HOST: '127.0.0.1', PORT: String(port) });
      const url = `http://127.0.0.1:${port}/`;
      await web.waitForOutput(new RegExp(`^\\s+${url.replace(/[.]/g, '\\.')}$`, 'm'), STARTUP_MS);

      // It serves the web build, with the app's CSP, and its icon.
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
      const icon = /<link rel="icon"[^>]* href="\.\/([^"]+)"/.exec(await page.text())?.[1];
      expect(icon, 'index.html links a favicon').toBeTruthy();
      const iconResponse = await fetch(new URL(icon!, url));
      expect(iconResponse.status).toBe(200);
      expect(iconResponse.headers.get('content-type')).toMatch(/^image\//);

      // Two browsers (separate Chromium processes) that open the printed address sync through it, with nothing else running.
      const a = await launchPeer('Ada', url, '/');
      peers.push(a);
      await declareIncident(a.page, 'Checkout returns 500', 'SEV2');
      const id = incidentIdOf(a.page);
      await addEntry(a.page, 'observation', 'Error rate 12% on /checkout');
      const invite = await shareInvite(a.page);
      expect(decodeInvite(invite).s).toContain(`ws://127.0.0.1:${port}`);
      const b = await launchPeer('Bob', url, '/');
      peers.push(b);
      await joinWithInvite(b.page, invite);
      await expectWebrtcPeers(a.page, id, 1);
      await expectWebrtcPeers(b.page, id, 1);
      await expect.poll(() => authoredTexts(b.page)).toEqual(['Error rate 12% on /checkout']);
      await addEntry(b.page, 'action', 'Rolling back payments-api');
      await expect.poll(() => authoredTexts(a.page)).toEqual(['Error rate 12% on /checkout', 'Rolling back payments-api']);
      await Promise.all(peers.splice(0).map((p) => p.close()));

      await expectCleanInterrupt(web, port);
    },
  },

  'npm run signal': {
    run: async () => {
      const port = await freePort();
      const signal = start('npm run signal', { HOST: '127.0.0.1', PORT: String(port) });
      await signal.waitForOutput(SERVING(port), STARTUP_MS);
      // y-webrtc's signaling protocol (y-webrtc/src/y-webrtc.js): subscribe to room topics, publish to them, ping.
      const alice = await TestClient.connect(`ws://127.0.0.1:${port}`);
      const bob = await TestClient.connect(`ws://127.0.0.1:${port}`);
      try {
        alice.send({ type: 'subscribe', topics: ['warroom-0123456789abcdef0123456789abcdef'] });
        await alice.sync();
        bob.send({ type: 'publish', topic: 'warroom-0123456789abcdef0123456789abcdef', data: { type: 'announce', from: 'bob' } });
        // The reference server adds the topic's subscriber count ("clients"), as this one does.
        expect(await alice.take((m) => m.type === 'publish')).toMatchObject({
          type: 'publish',
          topic: 'warroom-0123456789abcdef0123456789abcdef',
          data: { type: 'announce', from: 'bob' },
        });
        // A topic nobody subscribed to reaches nobody.
        bob.send({ type: 'publish', topic: 'warroom-ffffffffffffffffffffffffffffffff', data: 'x' });
        await bob.sync();
        await alice.sync();
        expect(alice.publishes('warroom-ffffffffffffffffffffffffffffffff')).toEqual([]);
      } finally {
        await Promise.all([alice.close(), bob.close()]);
      }
      await expectCleanInterrupt(signal, port);
    },
  },

  // Behavioural on purpose: the relay may move to another Yjs server; relay-client.ts holds the protocol.
  'npm run relay': {
    run: async () => {
      const port = await freePort();
      const env = { HOST: '127.0.0.1', PORT: String(port), DATA_DIR: tempDir() };
      const url = `ws://127.0.0.1:${port}`;
      const docName = roomKeys();
      const first = start('npm run relay', env);
      await first.waitForOutput(SERVING(port), STARTUP_MS);

      const writer = connectRelay(url, docName);
      relayClients.push(writer);
      await expect.poll(() => writer.synced()).toBe(true);
      writer.doc.getArray<string>('timeline').insert(0, ['Relay keeps this across a restart']);
      // A second client holding the entry proves the relay has it, not only the writer.
      const reader = connectRelay(url, docName);
      relayClients.push(reader);
      await expect.poll(() => reader.doc.getArray<string>('timeline').toArray()).toEqual(['Relay keeps this across a restart']);
      for (const c of relayClients.splice(0)) c.close();
      await expectCleanInterrupt(first, port);

      // Started again on the same data folder, with nobody holding the document in the meantime.
      const second = start('npm run relay', env);
      await second.waitForOutput(SERVING(port), STARTUP_MS);
      const later = connectRelay(url, docName);
      relayClients.push(later);
      await expect.poll(() => later.synced()).toBe(true);
      expect(later.doc.getArray<string>('timeline').toArray()).toEqual(['Relay keeps this across a restart']);
      relayClients.splice(0).forEach((c) => c.close());
      await expectCleanInterrupt(second, port);
    },
  },

  'npm run screenshots': {
    run: async () => {
      const shots = path.join(copy(), 'docs', 'screenshots');
      const named = [...readme.matchAll(/\]\(docs\/screenshots\/([\w.-]+\.png)\)/g)].map((m) => m[1]!);
      expect(named.length).toBeGreaterThan(0);
      for (const file of named) rmSync(path.join(shots, file), { force: true });

      const run = start('npm run screenshots');
      expect((await run.exited).code, run.output()).toBe(0);
      const served = /serving dist\/renderer on http:\/\/127\.0\.0\.1:(\d+)/.exec(run.output());
      expect(served, run.output()).not.toBeNull();

      for (const file of named) {
        const png = readFileSync(path.join(shots, file));
        expect(png.subarray(1, 4).toString('latin1'), file).toBe('PNG');
        // The README's shots are 1440×900, plus one war room at 960×1000 (half a laptop screen).
        expect([png.readUInt32BE(16), png.readUInt32BE(20)], `${file} size`).toEqual(file.endsWith('-960.png') ? [960, 1000] : [1440, 900]);
      }
      expect(readdirSync(shots).filter((f) => f.endsWith('.png')).sort()).toEqual([...named].sort());
      // No server, browser or helper outlives it, and its port is free for the next run.
      expect(run.leftovers()).toEqual([]);
      expect(await isListening(Number(served![1]))).toBe(false);
    },
  },

  'npm start': {
    run: async () => {
      // The copy's node_modules/electron has no binary (repo-copy.ts); the mirror and cache make the download fail
      // here the way it fails offline, and keep a machine with internet from fetching and launching Electron.
      const closed = await freePort();
      const run = start('npm start', { ELECTRON_MIRROR: `http://127.0.0.1:${closed}/`, electron_config_cache: tempDir() });
      expect((await run.exited).code).toBe(1);
      const output = run.output();
      expect(output).toMatch(/Electron [\d.]+ could not be downloaded \(offline\?\)/);
      expect(output).toMatch(/run npm start again/);
      expect(output).toMatch(/`npm run web` runs the same app in a browser/);
      expect(output, 'no stack trace').not.toMatch(/^\s+at /m);
      // It says so before spending a minute on the build.
      expect(output).not.toMatch(/vite build|build-electron/);
      expect(run.leftovers()).toEqual([]);
    },
  },

  'npm run bench': { skip: 'runs about ten browsers for several minutes and reports figures, not a pass or fail; run it by hand (see Benchmarks).' },
  'npm run bench:relay': { skip: 'starts Redis, PostgreSQL and two relay nodes with 200 clients for a minute and reports figures, not a pass or fail; electron/relay/relay-cluster.test.ts checks the same setup for correctness.' },
  'npm run docs:format': {
    run: async () => {
      // In a clean copy the section is up to date: the command says so and changes nothing.
      const run = start('npm run docs:format');
      const { code } = await run.exited;
      expect(code).toBe(0);
      expect(run.output()).toMatch(/document format section is up to date/);
    },
  },
  'npm run verify': {
    run: async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'warroom-verify-'));
      try {
        const good = path.join(dir, 'incident.json');
        const json = signedExportJson();
        writeFileSync(good, json);
        const ok = start(`npm run verify -- ${good}`);
        expect((await ok.exited).code, ok.output()).toBe(0);
        // Every timeline entry of the fixture was signed by Ada's device: all of them verify.
        const entries = (JSON.parse(json) as { incident: { timeline: unknown[] } }).incident.timeline.length;
        expect(entries).toBeGreaterThan(1);
        expect(ok.output()).toContain(`${entries} timeline entries`);
        expect(ok.output()).toContain(`${entries} entries signed and verified.`);
        // Someone edits the exported file: the command names the entry and fails.
        const tampered = path.join(dir, 'tampered.json');
        writeFileSync(tampered, json.replace('Rolled back web to v41', 'Rolled back web to v40'));
        const bad = start(`npm run verify -- ${tampered}`);
        expect((await bad.exited).code).toBe(1);
        expect(bad.output()).toMatch(/1 unverified/);
        expect(bad.output()).toMatch(/unverified: .* by Ada .*differs from what Ada's device signed/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  },
  'npm run test:fuzz': { skip: 'the 10,000-seed run of a property test that npm test runs with 100 seeds (shared/domain/convergence.property.test.ts); it reports a counterexample, not a README behaviour.' },
  'npm run test:durability': { skip: 'the 50-round run of test/e2e/crash.spec.ts, which npm test runs with 10 rounds; it kills Chromium about 200 times over half an hour.' },
  'npm run dist': { skip: 'downloads electron-builder tools and the Electron zip from GitHub: needs internet. Its configuration is checked by electron/packaging/packaging.test.ts.' },
  'npm run dist:dir': { skip: 'downloads the Electron zip on first use: needs internet. electron/packaging/packaging.test.ts runs electron-builder --dir with a stand-in Electron.' },

  'npm run icons': {
    run: async () => {
      const run = start('npm run icons');
      const { code } = await run.exited;
      const output = run.output();
      if (/rsvg-convert not found/.test(output)) {
        // Without the renderer it says which package to install, and fails.
        expect(code).not.toBe(0);
        expect(output).toMatch(/apt-get install librsvg2-bin/);
        return;
      }
      expect(code, output).toBe(0);
      expect(output).toMatch(/rendered \d+ PNGs from assets\/icon\.svg/);
      const manifest = JSON.parse(readFileSync(path.join(copy(), 'assets', 'icons-manifest.json'), 'utf8')) as { sizes: number[] };
      for (const size of manifest.sizes) {
        const png = readFileSync(path.join(copy(), 'assets', 'icons', `${size}x${size}.png`));
        expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
      }
    },
  },

  'npm run test:unit': partOfNpmTest(),
  'npm run test:e2e': partOfNpmTest(),
  'npm run test:readme': partOfNpmTest(),
  'npm run test:security': partOfNpmTest(),
  'npm run typecheck': partOfNpmTest(),
  'npm run lint': partOfNpmTest(),
};

test('every command in the README table has a check here, and every check a row', () => {
  const listed = rows.flatMap((r) => r.commands);
  expect(listed.length).toBeGreaterThan(0);
  expect(listed.filter((c, i) => listed.indexOf(c) !== i), 'commands listed twice').toEqual([]);
  expect(listed.filter((c) => !(c in checks)), 'rows without a check in test/readme').toEqual([]);
  expect(Object.keys(checks).filter((c) => !listed.includes(c)), 'checks without a row in the README').toEqual([]);
  // `npm start` and `npm test` are npm's own; every other command must be a script.
  expect(listed.filter((c) => c.startsWith('npm run ') && !(scriptOf(c) in pkg.scripts))).toEqual([]);
});

for (const row of rows) {
  for (const command of row.commands) {
    const check = checks[command];
    test(`${command}: ${row.does.replace(/`/g, '').slice(0, 80)}`, async () => {
      test.skip(!check, 'no check (the first test fails for it)');
      if (check && 'skip' in check) {
        test.info().annotations.push({ type: 'skipped', description: check.skip });
        test.skip(true, check.skip);
        return;
      }
      await check!.run(command);
    });
  }
}
