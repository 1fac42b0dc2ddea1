import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { instanceName, toDiscoveredHost } from './mdns';

const run = promisify(execFile);

describe('instanceName', () => {
  it('is the display name plus a tag', () => {
    expect(instanceName('Ada on the SRE laptop', 'beef')).toBe('Ada on the SRE laptop [beef]');
  });

  it('fits a DNS label (63 bytes) even with multi-byte characters', () => {
    const name = instanceName('Ünïcödé 🚨'.repeat(10), 'beef');
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(63);
    expect(name.endsWith(' [beef]')).toBe(true);
    expect(name).not.toContain('\uFFFD');
  });

  it('removes dots (label separators) and control characters, and never ends up empty', () => {
    expect(instanceName('a.b\nc', 'beef')).toBe('a b c [beef]');
    expect(instanceName(' \t ', 'beef')).toBe('Warroom [beef]');
  });
});

const service = (over: Record<string, unknown> = {}) =>
  ({
    fqdn: 'Ada [beef]._warroom._tcp.local',
    name: 'Ada [beef]',
    port: 4444,
    txt: { version: '0.1.0', name: 'Ada', path: '/' },
    addresses: ['192.168.1.20', 'fe80::1'],
    referer: { address: '192.168.1.20', family: 'IPv4', port: 5353, size: 200 },
    ...over,
  }) as Parameters<typeof toDiscoveredHost>[0];

describe('toDiscoveredHost', () => {
  it('turns an answer into the page and signaling URLs, IPv4 only', () => {
    expect(toDiscoveredHost(service())).toEqual({
      id: 'Ada [beef]._warroom._tcp.local',
      name: 'Ada',
      version: '0.1.0',
      port: 4444,
      addresses: ['192.168.1.20'],
      pageUrl: 'http://192.168.1.20:4444/',
      signalingUrl: 'ws://192.168.1.20:4444',
    });
  });

  it('falls back to where the packet came from when the host sent no address records', () => {
    expect(toDiscoveredHost(service({ addresses: [] }))?.pageUrl).toBe('http://192.168.1.20:4444/');
  });

  it('reads TXT values sent as bytes, and strips control characters from them', () => {
    const host = toDiscoveredHost(service({ txt: { version: Buffer.from('1.0\u0007'), name: Buffer.from('Bob\r\nX') } }));
    expect(host).toMatchObject({ version: '1.0', name: 'BobX' });
  });

  it('uses the instance name when the TXT record has no name, and cuts long names', () => {
    expect(toDiscoveredHost(service({ txt: {} }))?.name).toBe('Ada [beef]');
    expect(toDiscoveredHost(service({ txt: { name: 'x'.repeat(500) } }))?.name).toHaveLength(40);
  });

  it.each([
    ['a port out of range', { port: 70000 }],
    ['no port', { port: undefined }],
    ['no usable address', { addresses: ['fe80::1', 'not-an-ip', 999], referer: undefined }],
    ['a hostname instead of an address', { addresses: ['evil.example'], referer: { address: 'evil.example' } }],
  ])('drops an answer with %s', (_what, over) => {
    expect(toDiscoveredHost(service(over))).toBeNull();
  });
});

/*
 * The real thing: bonjour-service advertising and browsing over multicast.
 * Run in a fresh network namespace (unshare -rn) whose only interface is
 * loopback, so no mDNS packet can reach a real network; multicast is switched
 * on for lo and routed to it there. Linux only (unshare, ip).
 */
describe.runIf(process.platform === 'linux')('mDNS over multicast in a private network namespace', () => {
  let dir: string | undefined;
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('advertises _warroom._tcp with version and name only, is found, and is unpublished on stop', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'warroom-mdns-test-'));
    const bundle = path.join(dir, 'harness.cjs');
    await build({
      entryPoints: [path.join(path.dirname(fileURLToPath(import.meta.url)), 'mdns-netns-harness.ts')],
      outfile: bundle,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['bufferutil', 'utf-8-validate'],
      logLevel: 'silent',
    });
    const script = 'ip link set lo up && ip link set lo multicast on && ip route add 224.0.0.0/4 dev lo && exec "$0" "$1"';
    const { stdout } = await run('unshare', ['-rn', 'sh', '-c', script, process.execPath, bundle], { timeout: 60_000 });
    const report = JSON.parse(stdout) as {
      hostName: string;
      hostPort: number;
      advertised: boolean;
      foundBefore: Array<Record<string, unknown>>;
      foundExcludingSelf: unknown[];
      pageServedToFinder: boolean;
      rawTxt: Record<string, unknown> | null;
      rawType: string | null;
      goodbye: boolean;
      foundAfter: unknown[];
      portFreed: boolean;
    };

    expect(report.advertised).toBe(true);
    expect(report.rawType).toBe('warroom');
    // The TXT record is public: the version and a display name, nothing else (no room, no password).
    expect(report.rawTxt).toEqual({ version: '9.8.7', name: 'Ada on the SRE laptop', path: '/' });
    expect(report.foundBefore).toEqual([
      {
        id: `${report.hostName}._warroom._tcp.local`,
        name: 'Ada on the SRE laptop',
        version: '9.8.7',
        port: report.hostPort,
        addresses: ['127.0.0.1'],
        pageUrl: `http://127.0.0.1:${report.hostPort}/`,
        signalingUrl: `ws://127.0.0.1:${report.hostPort}`,
      },
    ]);
    expect(report.foundExcludingSelf).toEqual([]);
    expect(report.pageServedToFinder).toBe(true);
    // Stopping sends the goodbye (a browser sees the host go down) and frees the port.
    expect(report.goodbye).toBe(true);
    expect(report.foundAfter).toEqual([]);
    expect(report.portFreed).toBe(true);
  });
});
