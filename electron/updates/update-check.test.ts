import http, { type ClientRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HttpExecutor } from 'builder-util-runtime';
import { DebUpdater } from 'electron-updater';
import type { AppAdapter } from 'electron-updater/out/AppAdapter';
import { afterEach, describe, expect, it } from 'vitest';
import { checkForUpdate, describeDecision } from './update-check';
import { parseUpdateSettings } from './update-settings';

/*
 * The decision runs electron-updater's real updater and generic provider
 * against a feed served on loopback; only Electron itself is replaced: the app
 * adapter (version, paths) and the HTTP executor (Electron's net → Node's http).
 */
class NodeHttpExecutor extends HttpExecutor<ClientRequest> {
  createRequest(options: http.RequestOptions, callback: (response: http.IncomingMessage) => void): ClientRequest {
    return http.request(options, callback);
  }
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A generic feed: every *.yml is the given release information (latest-linux.yml here), or `status` for all. */
const startFeed = async (feed: { yml?: string; status?: number }) => {
  const requests: string[] = [];
  const server = http.createServer((request, response) => {
    requests.push(new URL(request.url ?? '/', 'http://feed').pathname);
    if (feed.status) {
      response.writeHead(feed.status).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': 'text/yaml' }).end(feed.yml);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/warroom/`, requests };
};

const release = (version: string) => `version: ${version}
files:
  - url: warroom_${version}_amd64.deb
    sha512: ${'A'.repeat(86)}==
    size: 1234
path: warroom_${version}_amd64.deb
sha512: ${'A'.repeat(86)}==
releaseDate: '2026-03-01T10:00:00.000Z'
`;

const updater = (version: string) => {
  const userData = mkdtempSync(path.join(os.tmpdir(), 'warroom-updater-'));
  cleanups.push(() => rmSync(userData, { recursive: true, force: true }));
  const app: AppAdapter = {
    version,
    name: 'Warroom',
    isPackaged: true,
    appUpdateConfigPath: path.join(userData, 'app-update.yml'),
    userDataPath: userData,
    baseCachePath: userData,
    whenReady: () => Promise.resolve(),
    relaunch: () => undefined,
    quit: () => undefined,
    onQuit: () => undefined,
  };
  const u = new DebUpdater(null, app);
  (u as unknown as { httpExecutor: HttpExecutor<ClientRequest> }).httpExecutor = new NodeHttpExecutor();
  u.logger = null;
  return u;
};

describe('the update decision (electron-updater, generic provider, local feed)', () => {
  it('is off without a feed URL, and asks nobody', async () => {
    const feed = await startFeed({ yml: release('0.2.0') });
    const decision = await checkForUpdate(updater('0.1.0'), { feedUrl: null }, { isPackaged: true });
    expect(decision).toEqual({ kind: 'off', reason: expect.stringMatching(/No update feed is set/) });
    expect(feed.requests).toEqual([]);
  });

  it('is off in a development build, and asks nobody', async () => {
    const feed = await startFeed({ yml: release('0.2.0') });
    expect((await checkForUpdate(updater('0.1.0'), { feedUrl: feed.url }, { isPackaged: false })).kind).toBe('off');
    expect(feed.requests).toEqual([]);
  });

  it('finds a newer version on the feed, without downloading it', async () => {
    const feed = await startFeed({ yml: release('0.2.0') });
    const decision = await checkForUpdate(updater('0.1.0'), { feedUrl: feed.url }, { isPackaged: true });
    expect(decision).toMatchObject({ kind: 'available', current: '0.1.0', version: '0.2.0' });
    expect(feed.requests).toEqual(['/warroom/latest-linux.yml']);
    expect(describeDecision(decision)).toBe('Update available: 0.1.0 → 0.2.0; downloading, installed when Warroom quits.');
  });

  it('stays on the same version, and never goes back to an older one', async () => {
    const same = await startFeed({ yml: release('0.1.0') });
    expect(await checkForUpdate(updater('0.1.0'), { feedUrl: same.url }, { isPackaged: true })).toEqual({ kind: 'up-to-date', current: '0.1.0', latest: '0.1.0' });
    const older = await startFeed({ yml: release('0.0.9') });
    expect(await checkForUpdate(updater('0.1.0'), { feedUrl: older.url }, { isPackaged: true })).toEqual({ kind: 'up-to-date', current: '0.1.0', latest: '0.0.9' });
  });

  it('says in a sentence when the feed has nothing for this platform or names no version', async () => {
    const missing = await startFeed({ status: 404 });
    expect(await checkForUpdate(updater('0.1.0'), { feedUrl: missing.url }, { isPackaged: true })).toEqual({
      kind: 'failed',
      message: `The update feed at ${missing.url} has no release information for this platform.`,
    });
    const garbled = await startFeed({ yml: release('soon') });
    expect(await checkForUpdate(updater('0.1.0'), { feedUrl: garbled.url }, { isPackaged: true })).toEqual({
      kind: 'failed',
      message: `The update feed at ${garbled.url} names a version that is not a version number.`,
    });
  });

  it('reports a feed that answers with a server error, and one nobody listens on', async () => {
    const broken = await startFeed({ status: 500 });
    const decision = await checkForUpdate(updater('0.1.0'), { feedUrl: broken.url }, { isPackaged: true });
    expect(decision).toMatchObject({ kind: 'failed', message: expect.stringMatching(/^Checking http:\/\/127\.0\.0\.1:\d+\/warroom\/ for updates failed: /) });

    const gone = await startFeed({ status: 500 });
    const url = gone.url;
    await cleanups.pop()!();
    expect(await checkForUpdate(updater('0.1.0'), { feedUrl: url }, { isPackaged: true })).toEqual({
      kind: 'failed',
      message: `Could not reach the update feed at ${url} (ECONNREFUSED).`,
    });
  });
});

describe('updates.json', () => {
  it('turns updates on only with an http(s) feed URL', () => {
    expect(parseUpdateSettings(null)).toEqual({ settings: { feedUrl: null }, problem: null });
    expect(parseUpdateSettings('{}')).toEqual({ settings: { feedUrl: null }, problem: null });
    expect(parseUpdateSettings('{"feedUrl":""}')).toEqual({ settings: { feedUrl: null }, problem: null });
    expect(parseUpdateSettings('{"feedUrl":"https://updates.example.com/warroom/"}')).toEqual({
      settings: { feedUrl: 'https://updates.example.com/warroom/' },
      problem: null,
    });
  });

  it('says why a damaged file leaves updates off', () => {
    expect(parseUpdateSettings('{feedUrl:')).toEqual({ settings: { feedUrl: null }, problem: 'updates.json is not valid JSON, so updates are off.' });
    expect(parseUpdateSettings('{"feedUrl":"file:///etc/passwd"}')).toEqual({
      settings: { feedUrl: null },
      problem: 'updates.json: feedUrl must be an http(s) address, so updates are off.',
    });
  });
});
