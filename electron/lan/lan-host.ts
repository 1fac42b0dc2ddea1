import http from 'node:http';
import { startSignalingServer, type SignalingServer } from '../signaling/signaling-server';
import { lanAddresses } from '../signaling/lan-addresses';
import type { Advert } from './mdns';
import { createStaticHandler } from './static-server';

export interface LanHostOptions {
  /** Interface to bind: 0.0.0.0 in the app (every LAN interface), 127.0.0.1 in tests. */
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** The web build to serve (dist/renderer). */
  rendererRoot: string;
  csp: string;
  displayName: string;
  /** mDNS advert; hosting works without one (multicast blocked, no interface), it is reported instead. */
  advertise?: (info: { displayName: string; port: number }) => Promise<Advert>;
  /** The addresses to put in URLs; the machine's LAN IPv4 addresses by default. */
  addresses?: () => string[];
  readFile?: (filePath: string) => Promise<Uint8Array>;
  log?: (message: string) => void;
}

export interface LanHost {
  readonly port: number;
  readonly name: string;
  readonly pageUrls: string[];
  readonly signalingUrls: string[];
  readonly advertised: boolean;
  /** Unpublishes the advert, closes every WebSocket and HTTP connection and frees the port. Safe to call twice. */
  stop(): Promise<void>;
}

const closeHttp = (server: http.Server): Promise<void> =>
  new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    // Keep-alive browser connections would otherwise hold the port open.
    server.closeAllConnections();
  });

/**
 * "Host this room on the LAN": one HTTP server on one port that serves the web
 * build to browsers and upgrades WebSockets to the y-webrtc signaling server,
 * advertised over mDNS. One port is one firewall rule and one URL to read out.
 */
export async function startLanHost(options: LanHostOptions): Promise<LanHost> {
  const log = options.log ?? (() => undefined);
  const server = http.createServer(createStaticHandler({ root: options.rendererRoot, csp: options.csp, readFile: options.readFile }));
  // A peer resetting mid-request must not surface as an uncaught error in main.
  server.on('clientError', (_error, socket) => socket.destroy());

  let signaling: SignalingServer;
  try {
    signaling = await startSignalingServer({ server, host: options.host, port: options.port, log });
  } catch (error) {
    await closeHttp(server);
    throw error;
  }
  const port = signaling.port;

  let advert: Advert | null = null;
  if (options.advertise) {
    try {
      advert = await options.advertise({ displayName: options.displayName, port });
    } catch (error) {
      log(`LAN host: mDNS advert failed, hosting without it: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  const bound = options.host === '0.0.0.0' || options.host === '::' ? null : options.host;
  const listed = bound ? [bound] : (options.addresses ?? lanAddresses)();
  // No LAN interface (cable out, Wi-Fi off): still usable from this machine.
  const addresses = listed.length > 0 ? listed : ['127.0.0.1'];
  const hostPart = (a: string) => (a.includes(':') ? `[${a}]` : a);

  let stopped: Promise<void> | undefined;
  const stop = async (): Promise<void> => {
    // Unpublish first, so no one discovers a host that is about to vanish.
    await advert?.stop().catch(() => undefined);
    await signaling.close();
    await closeHttp(server);
  };

  return {
    port,
    name: advert?.name ?? options.displayName,
    pageUrls: addresses.map((a) => `http://${hostPart(a)}:${port}/`),
    signalingUrls: addresses.map((a) => `ws://${hostPart(a)}:${port}`),
    advertised: advert !== null,
    stop: () => (stopped ??= stop()),
  };
}
