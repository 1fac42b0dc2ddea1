import { randomBytes } from 'node:crypto';
import { Bonjour, type Service } from 'bonjour-service';
import { LAN_SERVICE_TYPE, type DiscoveredHost } from '../../shared/platform/lan';

/**
 * mDNS (DNS-SD) advert and discovery of LAN hosts as `_warroom._tcp`, with
 * bonjour-service. The TXT record names the app version and a display name,
 * never anything from an invite: everyone on the network can read it.
 */

/** multicast-dns socket options; tests pin them to loopback inside a private network namespace. */
export interface MdnsSocketOptions {
  interface?: string;
  port?: number;
}

export interface AdvertiseOptions {
  displayName: string;
  port: number;
  version: string;
  socket?: MdnsSocketOptions;
  log?: (message: string) => void;
}

export interface Advert {
  /** The DNS-SD instance name actually published (display name + a short tag). */
  readonly name: string;
  /** Sends the goodbye (TTL 0) records, then closes the socket. Safe to call twice. */
  stop(): Promise<void>;
}

/** Control characters (C0 and DEL) replaced: names are shown on other people's screens. */
const withoutControls = (text: string, by: string): string =>
  [...text].map((c) => (c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127 ? by : c)).join('');

/** DNS labels are at most 63 bytes; leave room for the " [abcd]" tag. */
const MAX_LABEL_BYTES = 63;

/** The instance name: the display name cut to fit a DNS label by bytes (not characters), plus a tag against clashes. */
export function instanceName(displayName: string, tag: string): string {
  const suffix = ` [${tag}]`;
  const budget = MAX_LABEL_BYTES - Buffer.byteLength(suffix);
  let name = '';
  for (const char of withoutControls(displayName, ' ').replace(/\./g, ' ').trim()) {
    if (Buffer.byteLength(name + char) > budget) break;
    name += char;
  }
  return `${name.trim() || 'Warroom'}${suffix}`;
}

const newBonjour = (socket: MdnsSocketOptions | undefined, log: (message: string) => void): Bonjour =>
  // Without an error callback bonjour-service throws from a socket handler, which would take main down.
  new Bonjour({ ...(socket ?? {}) }, (error: unknown) => log(`mDNS: ${error instanceof Error ? error.message : String(error)}`));

export function advertise(options: AdvertiseOptions): Promise<Advert> {
  const log = options.log ?? (() => undefined);
  const bonjour = newBonjour(options.socket, log);
  const name = instanceName(options.displayName, randomBytes(2).toString('hex'));
  const service = bonjour.publish({
    name,
    type: LAN_SERVICE_TYPE,
    protocol: 'tcp',
    port: options.port,
    txt: { version: options.version, name: options.displayName, path: '/' },
    disableIPv6: true,
  });
  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopped ??= new Promise<void>((resolve) => {
      // The goodbye goes out before the socket closes, so browsers drop us at once.
      service.stop?.(() => bonjour.destroy(() => resolve()));
    }));
  return new Promise((resolve, reject) => {
    const onUp = (): void => {
      service.off('error', onError);
      resolve({ name, stop });
    };
    const onError = (error: Error): void => {
      service.off('up', onUp);
      void stop().finally(() => reject(error));
    };
    service.once('up', onUp);
    service.once('error', onError);
  });
}

export interface DiscoverOptions {
  timeoutMs: number;
  /** Our own advert, left out of the list. */
  exclude?: string;
  socket?: MdnsSocketOptions;
  log?: (message: string) => void;
}

/** Browses for `timeoutMs` and returns every host that answered, de-duplicated and sorted by name. */
export function discover(options: DiscoverOptions): Promise<DiscoveredHost[]> {
  const bonjour = newBonjour(options.socket, options.log ?? (() => undefined));
  const found = new Map<string, DiscoveredHost>();
  const browser = bonjour.find({ type: LAN_SERVICE_TYPE, protocol: 'tcp' });
  const consider = (service: Service): void => {
    const host = toDiscoveredHost(service);
    if (host && host.id !== options.exclude && service.name !== options.exclude) found.set(host.id, host);
  };
  browser.on('up', consider);
  browser.on('txt-update', consider);
  browser.on('down', (service: Service) => found.delete(service.fqdn));
  return new Promise((resolve) => {
    setTimeout(() => {
      browser.stop();
      bonjour.destroy(() => resolve([...found.values()].sort((a, b) => a.name.localeCompare(b.name))));
    }, options.timeoutMs);
  });
}

const IPV4 = /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const text = (value: unknown, max: number): string =>
  // TXT values arrive as strings or Buffers from any device on the network.
  withoutControls(typeof value === 'string' ? value : Buffer.isBuffer(value) ? value.toString('utf8') : '', '').slice(0, max);

/**
 * A browse result as the renderer sees it, or null. Everything in an mDNS
 * answer comes from an unauthenticated peer, so only IPv4 addresses and a
 * valid port are kept and the names are cut to size; the invite (room and
 * password) is never taken from here.
 */
export function toDiscoveredHost(service: Pick<Service, 'fqdn' | 'name' | 'port' | 'txt' | 'addresses' | 'referer'>): DiscoveredHost | null {
  const port = service.port;
  if (!Number.isInteger(port) || port < 1 || port > 65535) return null;
  const advertised = (service.addresses ?? []).filter((a): a is string => typeof a === 'string' && IPV4.test(a));
  const referer = service.referer?.address;
  // A host without A records (only a loopback or link-local interface) still tells us where its packet came from.
  const addresses = advertised.length > 0 ? [...new Set(advertised)] : typeof referer === 'string' && IPV4.test(referer) ? [referer] : [];
  const address = addresses[0];
  if (address === undefined) return null;
  const txt = (service.txt ?? {}) as Record<string, unknown>;
  const name = text(txt.name, 40) || text(service.name, 63) || address;
  return {
    id: text(service.fqdn, 255) || `${address}:${port}`,
    name,
    version: text(txt.version, 32),
    port,
    addresses,
    pageUrl: `http://${address}:${port}/`,
    signalingUrl: `ws://${address}:${port}`,
  };
}
