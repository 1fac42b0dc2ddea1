/**
 * Test harness for mdns.test.ts, bundled by esbuild and run as a child process
 * inside a private network namespace that has only a loopback interface, so
 * the multicast it sends cannot leave this machine. It hosts a LAN room with a
 * real bonjour-service advert, browses for it the way another copy of the app
 * does, stops the host, and prints one JSON report on stdout.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Bonjour, type Service } from 'bonjour-service';
import { LAN_SERVICE_TYPE } from '../../shared/platform/lan';
import { startLanHost } from './lan-host';
import { advertise, discover } from './mdns';

const BROWSE_MS = 1500;
const GOODBYE_WAIT_MS = 10_000;

const portIsFree = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });

async function main(): Promise<void> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'warroom-mdns-'));
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Warroom web</title>');

  // A raw browser that stays up through the stop, to see the goodbye packet.
  const watcher = new Bonjour({}, () => undefined);
  const seen: { up: Service[]; down: string[] } = { up: [], down: [] };
  const browser = watcher.find({ type: LAN_SERVICE_TYPE, protocol: 'tcp' });
  browser.on('up', (s: Service) => seen.up.push(s));
  let onDown: (name: string) => void = () => undefined;
  browser.on('down', (s: Service) => {
    seen.down.push(s.name);
    onDown(s.name);
  });

  const host = await startLanHost({
    host: '127.0.0.1',
    port: 0,
    rendererRoot: root,
    csp: "default-src 'self'",
    displayName: 'Ada on the SRE laptop',
    advertise: ({ displayName, port }) => advertise({ displayName, port, version: '9.8.7' }),
  });
  const foundBefore = await discover({ timeoutMs: BROWSE_MS });
  const foundExcludingSelf = await discover({ timeoutMs: BROWSE_MS, exclude: host.name });
  const page = await fetch(foundBefore[0]?.pageUrl ?? 'http://127.0.0.1:1/').then(
    (r) => r.text(),
    () => '',
  );

  const wentDown = new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), GOODBYE_WAIT_MS);
    onDown = (name) => {
      if (name !== host.name) return;
      clearTimeout(timer);
      resolve(true);
    };
  });
  await host.stop();
  const goodbye = await wentDown;
  const foundAfter = await discover({ timeoutMs: BROWSE_MS });
  const portFreed = await portIsFree(host.port);
  browser.stop();
  await new Promise<void>((resolve) => watcher.destroy(() => resolve()));

  const raw = seen.up.find((s) => s.name === host.name);
  process.stdout.write(
    `${JSON.stringify({
      hostName: host.name,
      hostPort: host.port,
      advertised: host.advertised,
      foundBefore,
      foundExcludingSelf,
      pageServedToFinder: page.includes('Warroom web'),
      rawTxt: raw?.txt ?? null,
      rawType: raw?.type ?? null,
      goodbye,
      foundAfter,
      portFreed,
    })}\n`,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
