import http from 'node:http';
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import { Admission } from './admission';
import { attachSession } from './client-session';
import { resolveLimits } from './limits';
import type { SignalingLimits } from './limits';
import { TopicRegistry } from './topic-registry';

export { DEFAULT_SIGNALING_LIMITS } from './limits';
export type { SignalingLimits } from './limits';

export interface SignalingServerOptions {
  /** Interface to bind; defaults to loopback so exposing the server on the LAN is a deliberate choice. */
  host?: string;
  /** 0 picks an ephemeral port. Defaults to 4444, y-webrtc's conventional signaling port. */
  port?: number;
  /**
   * Share an existing HTTP server (e.g. the one serving the web build). If it is not
   * listening yet it is started on host/port. close() detaches from it but leaves it running.
   */
  server?: Server;
  /** Only upgrades to this pathname are handled; others are left to the server's other 'upgrade' listeners. */
  path?: string;
  limits?: Partial<SignalingLimits>;
  log?: (msg: string) => void;
}

export interface SignalingStats {
  connections: number;
  topics: number;
  /** Inbound messages discarded in whole or in part, plus forwards skipped for a backed-up receiver. */
  dropped: number;
  /** Upgrades refused because a connection cap was reached. */
  rejectedConnections: number;
}

export interface SignalingServer {
  url: string;
  port: number;
  host: string;
  close: () => Promise<void>;
  stats: () => SignalingStats;
}

const CLOSE_GOING_AWAY = 1001;
/** How long close() lets clients finish the closing handshake before cutting them off. */
const CLOSE_GRACE_MS = 1000;

const rejectUpgrade = (socket: Duplex, status: number): void => {
  socket.once('finish', () => socket.destroy());
  socket.end(`HTTP/1.1 ${status} ${http.STATUS_CODES[status] ?? ''}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
};

const pathnameOf = (request: IncomingMessage): string => {
  try {
    return new URL(request.url ?? '/', 'http://localhost').pathname;
  } catch {
    return '';
  }
};

const listen = (server: Server, port: number, host: string): Promise<void> =>
  new Promise((resolve, reject) => {
    const onError = (error: Error): void => {
      server.off('listening', onListening);
      reject(error);
    };
    const onListening = (): void => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });

const closeHttpServer = (server: Server): Promise<void> =>
  new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });

const closeSockets = async (sockets: ReadonlySet<WebSocket>): Promise<void> => {
  const closed = [...sockets].map((ws) => new Promise<void>((resolve) => ws.once('close', () => resolve())));
  for (const ws of sockets) ws.close(CLOSE_GOING_AWAY, 'server shutting down');
  let timer: NodeJS.Timeout | undefined;
  const grace = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, CLOSE_GRACE_MS);
  });
  await Promise.race([Promise.all(closed), grace]);
  clearTimeout(timer);
  for (const ws of sockets) ws.terminate();
  await Promise.all(closed);
};

const formatUrl = (address: AddressInfo): string => {
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `ws://${host}:${address.port}`;
};

export const startSignalingServer = async (options: SignalingServerOptions = {}): Promise<SignalingServer> => {
  const limits = resolveLimits(options.limits);
  const log = options.log ?? (() => {});
  const ownsServer = options.server === undefined;
  const server =
    options.server ??
    http.createServer((_request, response) => {
      // Health check, as in the reference server.
      response.writeHead(200, { 'Content-Type': 'text/plain' });
      response.end('okay');
    });
  // perMessageDeflate stays off: compression would let a small frame inflate past maxPayload's intent.
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes, perMessageDeflate: false, clientTracking: false });
  const registry = new TopicRegistry<WebSocket>();
  const admission = new Admission(limits.maxConnections, limits.maxConnectionsPerAddress);
  const sessions = new Set<WebSocket>();
  /** When and from where each connection opened: which one to close when an address is at its cap. */
  const openedAt = new WeakMap<WebSocket, { address: string; at: number }>();
  let dropped = 0;
  let rejectedConnections = 0;
  let closing = false;

  const sessionContext = {
    registry,
    limits,
    countDrop: () => {
      dropped += 1;
    },
    log,
  };

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const foreignPath = options.path !== undefined && pathnameOf(request) !== options.path;
    // On a shared server, other paths belong to the server's other 'upgrade' listeners.
    if (foreignPath && !ownsServer) return;
    // A reset mid-handshake must not surface as an uncaught 'error'.
    socket.on('error', () => {});
    if (foreignPath) {
      rejectUpgrade(socket, 404);
      return;
    }
    if (closing) {
      rejectUpgrade(socket, 503);
      return;
    }
    const address = request.socket.remoteAddress ?? 'unknown';
    void admit(address).then((release) => {
      if (!release) {
        rejectedConnections += 1;
        log(`${address}: connection cap reached, refusing`);
        rejectUpgrade(socket, 503);
        return;
      }
      accept(request, socket, head, address, release);
    });
  };

  /**
   * A slot for `address`. At the per-address cap, the oldest of its
   * connections that is in no room (opened and left idle, or half-open) gives
   * its slot up: one host holding every slot of its address with idle sockets
   * must not lock out the people behind the same address (a NAT, the LAN host).
   */
  const admit = async (address: string): Promise<(() => void) | null> => {
    const release = admission.tryAcquire(address);
    if (release) return release;
    const idle = [...sessions].filter((ws) => openedAt.get(ws)?.address === address && !registry.hasTopics(ws) && Date.now() - (openedAt.get(ws)?.at ?? 0) > limits.idleEvictAfterMs);
    idle.sort((a, b) => openedAt.get(a)!.at - openedAt.get(b)!.at);
    const victim = idle[0];
    if (!victim) return null;
    log(`${address}: connection cap reached; closing its oldest connection that is in no room`);
    const gone = new Promise<void>((resolve) => victim.once('close', () => resolve()));
    victim.terminate();
    await gone;
    // The raw socket's close (which releases the slot) may follow the WebSocket's.
    for (let i = 0; i < 50; i++) {
      const retry = admission.tryAcquire(address);
      if (retry) return retry;
      await new Promise((r) => setTimeout(r, 10));
    }
    return null;
  };

  const accept = (request: IncomingMessage, socket: Duplex, head: Buffer, address: string, release: () => void): void => {
    if (closing) {
      release();
      rejectUpgrade(socket, 503);
      return;
    }
    // The raw socket closes on every path, including failed handshakes where the callback never runs.
    socket.once('close', release);
    try {
      wss.handleUpgrade(request, socket, head, (ws) => {
        if (closing) {
          ws.terminate();
          return;
        }
        sessions.add(ws);
        openedAt.set(ws, { address, at: Date.now() });
        ws.once('close', () => sessions.delete(ws));
        attachSession(ws, address, sessionContext);
      });
    } catch (error) {
      log(`${address}: upgrade failed: ${String(error)}`);
      socket.destroy();
    }
  };

  server.on('upgrade', onUpgrade);
  if (!server.listening) {
    try {
      await listen(server, options.port ?? 4444, options.host ?? '127.0.0.1');
    } catch (error) {
      server.off('upgrade', onUpgrade);
      throw error;
    }
  }
  const address = server.address() as AddressInfo;

  let closed: Promise<void> | undefined;
  const shutdown = async (): Promise<void> => {
    closing = true;
    if (!ownsServer) server.off('upgrade', onUpgrade);
    await closeSockets(sessions);
    wss.close();
    if (ownsServer) await closeHttpServer(server);
  };

  return {
    url: formatUrl(address),
    port: address.port,
    host: address.address,
    close: () => (closed ??= shutdown()),
    stats: () => ({ connections: sessions.size, topics: registry.topicCount, dropped, rejectedConnections }),
  };
};
