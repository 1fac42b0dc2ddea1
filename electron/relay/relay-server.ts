import http from 'node:http';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import type { Duplex } from 'node:stream';
import { randomUUID } from 'node:crypto';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { Hocuspocus, isTransactionOrigin, type Extension, type WebSocketLike } from '@hocuspocus/server';
import { Redis } from '@hocuspocus/extension-redis';
import IORedis from 'ioredis';
import type { DocStore } from './doc-store';
import { relayAuth, type RelayContext, type SocketState } from './relay-auth';
import { DEFAULT_LIMITS, MessageBudget, type RelayLimits } from './relay-limits';
import { createRelayMetrics, type RelayMetrics } from './relay-metrics';
import { relayPersistence } from './relay-persistence';

/**
 * The optional relay: Hocuspocus (its connection handling, sync, awareness,
 * persistence and Redis fan-out; we write no sync server of our own) behind a
 * plain `ws` server, so the relay owns what Hocuspocus leaves to its host:
 * message size and rate limits, `/metrics`, and a shutdown that stops taking
 * connections first and never waits without bound.
 *
 * - Documents are kept by a DocStore (embedded SQLite, or PostgreSQL shared by
 *   every node) through @hocuspocus/extension-database (relay-persistence.ts). A document is loaded
 *   before any client of it is answered: Hocuspocus queues the client's sync
 *   step 1 until onLoadDocument has run, so nobody is told "synced" against
 *   an empty copy after a restart.
 * - With a Redis URL, @hocuspocus/extension-redis shares every document and
 *   its awareness between nodes; a client may connect to any node.
 * - Clients prove they hold the room's secret (relay-auth.ts).
 *
 * Why a relay at all: the y-webrtc mesh has every peer connect to every other,
 * capped at 20–35 connections, and its README says it is not meant for large
 * crowds. A relay carries big or cross-site rooms and keeps a copy while every
 * laptop is closed.
 */
export interface RelayServerOptions {
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** The relay owns it from here: close() closes it. */
  store: DocStore;
  /** redis://… to share documents with other nodes; none for a single node. */
  redisUrl?: string | null;
  /** Names this node in metrics and logs; defaults to host name and process id. */
  node?: string;
  limits?: Partial<RelayLimits>;
  /** How long close() waits for open documents to be stored before giving up on them. */
  shutdownGraceMs?: number;
  log?: (msg: string) => void;
}

export interface RelayServer {
  url: string;
  port: number;
  node: string;
  hocuspocus: Hocuspocus;
  metrics: RelayMetrics;
  stats: () => { connections: number; documents: number };
  /** Stops taking connections, tells clients to go elsewhere, stores every open document, then closes the store and Redis. */
  close: () => Promise<void>;
}

/** Close code for clients on shutdown: "service restart", so they reconnect (to another node, if the invite lists one). */
const GOING_AWAY = 1012;
const REDIS_READY_MS = 15_000;

const rejectUpgrade = (socket: Duplex, status: number): void => {
  socket.end(`HTTP/1.1 ${status} ${http.STATUS_CODES[status] ?? ''}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
};

/** Hocuspocus reads headers and query parameters from a fetch Request. */
const toRequest = (req: IncomingMessage): Request => {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    for (const v of [value ?? []].flat()) headers.append(name, v);
  }
  try {
    return new Request(new URL(req.url ?? '/', 'http://relay'), { headers });
  } catch {
    return new Request('http://relay/', { headers });
  }
};

const toBytes = (data: RawData): Uint8Array => {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
};

const until = async (done: () => boolean, ms: number): Promise<boolean> => {
  const deadline = Date.now() + ms;
  while (!done()) {
    if (Date.now() >= deadline) return false;
    await new Promise((r) => setTimeout(r, 20));
  }
  return true;
};

const withDeadline = <T>(p: Promise<T>, ms: number): Promise<T | undefined> =>
  Promise.race([p, new Promise<undefined>((r) => setTimeout(() => r(undefined), ms).unref())]);

/** A Redis client that says once when it loses Redis and once when it has it back, rather than per retry. */
const redisClient = (url: string, log: (msg: string) => void): IORedis => {
  const client = new IORedis(url, { maxRetriesPerRequest: 3, retryStrategy: (n) => Math.min(n * 200, 2000) });
  let down = false;
  client.on('error', (e: Error) => {
    if (!down) log(`Redis: ${e.message}; retrying`);
    down = true;
  });
  client.on('ready', () => {
    if (down) log('Redis: connected again');
    down = false;
  });
  return client;
};

const ready = (client: IORedis, url: string): Promise<void> =>
  client.status === 'ready'
    ? Promise.resolve()
    : new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`cannot reach Redis at ${url.replace(/\/\/[^@]*@/, '//')}`)), REDIS_READY_MS);
        client.once('ready', () => {
          clearTimeout(timer);
          resolve();
        });
      });

/**
 * Hocuspocus stores a document only on the node whose client changed it; a
 * change that arrived through Redis is not stored again. If that node dies
 * before its debounced store, the change would live only in memory on the
 * others. So every node stores every change it holds; a store never
 * overwrites another node's (relay-persistence.ts), so a second store costs a
 * write and loses nothing.
 */
const storeChangesFromOtherNodes: Extension = {
  extensionName: 'WarroomStoreChangesFromOtherNodes',
  onChange: async ({ document, documentName, transactionOrigin, instance, clientsCount }) => {
    if (!isTransactionOrigin(transactionOrigin) || transactionOrigin.source !== 'redis') return;
    void instance.storeDocumentHooks(document, {
      instance,
      clientsCount,
      document,
      documentName,
      lastContext: {},
      lastTransactionOrigin: transactionOrigin,
    });
  },
};

export const startRelayServer = async (options: RelayServerOptions): Promise<RelayServer> => {
  const log = options.log ?? (() => {});
  const limits: RelayLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const node = options.node ?? `${os.hostname()}-${process.pid}`;
  const { store } = options;
  const sockets = new Set<WebSocket>();
  let closing = false;

  // The metrics are read at scrape time, by when Hocuspocus (made below, with the metrics in its extensions) exists.
  const live: { hocuspocus?: Hocuspocus<RelayContext> } = {};
  const metrics = createRelayMetrics(node, {
    connections: () => sockets.size,
    documents: () => live.hocuspocus?.getDocumentsCount() ?? 0,
    clients: () => [...(live.hocuspocus?.documents.values() ?? [])].reduce((n, d) => n + d.getConnectionsCount(), 0),
  });

  const extensions: Extension[] = [];
  let redisClients: IORedis[] = [];
  if (options.redisUrl) {
    const url = options.redisUrl;
    extensions.push(
      new Redis({
        // Unique per process: the extension drops messages carrying its own identifier.
        identifier: `${node}-${randomUUID()}`,
        prefix: 'warroom-relay',
        createClient: () => {
          const c = redisClient(url, log);
          redisClients.push(c);
          return c;
        },
      }),
      storeChangesFromOtherNodes,
    );
    try {
      await Promise.all(redisClients.map((c) => ready(c, url)));
    } catch (e) {
      for (const c of redisClients) c.disconnect();
      await store.close();
      throw e;
    }
  }
  extensions.push(
    relayAuth({ store, metrics, maxDocumentsPerConnection: limits.maxDocumentsPerConnection }),
    ...relayPersistence(store, metrics),
  );
  const hocuspocus = new Hocuspocus<RelayContext>({
    name: node,
    quiet: true,
    // Store at most 1 s after a change settles, and at least every 5 s while it does not.
    debounce: 1000,
    maxDebounce: 5000,
    extensions,
  });
  live.hocuspocus = hocuspocus;

  const server = http.createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://relay').pathname;
    if (pathname === '/metrics') {
      metrics.registry.metrics().then(
        (text) => {
          res.writeHead(200, { 'Content-Type': metrics.registry.contentType });
          res.end(text);
        },
        (e: unknown) => {
          res.writeHead(500, { 'Content-Type': 'text/plain' });
          res.end(String(e));
        },
      );
      return;
    }
    if (pathname === '/healthz') {
      res.writeHead(closing ? 503 : 200, { 'Content-Type': 'text/plain' });
      res.end(closing ? 'shutting down' : 'ok');
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.end('Warroom relay. Put its ws:// address in an invite; metrics on /metrics.\n');
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes });

  const onConnection = (ws: WebSocket, req: IncomingMessage): void => {
    sockets.add(ws);
    const socketState: SocketState = { docs: new Set() };
    const budget = new MessageBudget(limits.messagesPerSecond, limits.messageBurst);
    let resumeTimer: ReturnType<typeof setTimeout> | undefined;
    const socketLike: WebSocketLike = {
      send: (data) => {
        if (ws.readyState !== ws.OPEN) return;
        const bytes = data as Uint8Array;
        metrics.messages.inc({ direction: 'out' });
        metrics.bytes.inc({ direction: 'out' }, bytes.byteLength ?? 0);
        ws.send(bytes);
      },
      close: (code, reason) => ws.close(code, reason),
      get readyState() {
        return ws.readyState;
      },
    };
    const client = hocuspocus.handleConnection(socketLike, toRequest(req), { socket: socketState });
    ws.on('message', (data: RawData) => {
      const bytes = toBytes(data);
      metrics.messages.inc({ direction: 'in' });
      metrics.bytes.inc({ direction: 'in' }, bytes.byteLength);
      client.handleMessage(bytes);
      const wait = budget.take();
      if (wait > 0 && !ws.isPaused) {
        metrics.throttled.inc();
        ws.pause();
        resumeTimer = setTimeout(() => ws.resume(), wait);
      }
    });
    ws.on('error', (e: Error & { code?: string }) => {
      if (e.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') metrics.refusals.inc({ reason: 'message_too_big' });
    });
    ws.once('close', (code: number, reason: Buffer) => {
      clearTimeout(resumeTimer);
      sockets.delete(ws);
      client.handleClose({ code, reason: reason.toString() });
    });
  };

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => {});
    if (closing) {
      metrics.refusals.inc({ reason: 'shutting_down' });
      rejectUpgrade(socket, 503);
      return;
    }
    // Any path: a reverse proxy may put the relay under one. Document names travel inside the messages.
    wss.handleUpgrade(req, socket, head, (ws) => onConnection(ws, req));
  });

  try {
    await new Promise<void>((resolve, rejectListen) => {
      server.once('error', rejectListen);
      server.listen(options.port ?? 1234, options.host ?? '127.0.0.1', () => {
        server.off('error', rejectListen);
        resolve();
      });
    });
  } catch (e) {
    await hocuspocus.hooks('onDestroy', { instance: hocuspocus });
    await store.close();
    throw e;
  }
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const grace = options.shutdownGraceMs ?? 15_000;

  const close = async (): Promise<void> => {
    closing = true;
    // Stop listening first: a client told to go away must not be let straight back in.
    const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const ws of sockets) ws.close(GOING_AWAY, 'relay shutting down');
    // Documents whose last client left are stored and unloaded by Hocuspocus; run any store still waiting on its debounce now.
    hocuspocus.flushPendingStores();
    const allStored = await until(() => {
      hocuspocus.flushPendingStores();
      return hocuspocus.getDocumentsCount() === 0 && hocuspocus.loadingDocuments.size === 0;
    }, grace);
    if (!allStored) {
      const left = [...hocuspocus.documents.keys()];
      log(`could not store ${left.length} document(s) within ${grace} ms (is the store reachable?); clients and other nodes still hold their changes: ${left.join(', ')}`);
    }
    for (const ws of sockets) ws.terminate();
    await withDeadline(
      hocuspocus.hooks('onDestroy', { instance: hocuspocus }).catch((e: unknown) => log(`closing Redis: ${String(e)}`)),
      5000,
    );
    for (const c of redisClients) c.disconnect();
    redisClients = [];
    await withDeadline(store.close(), 5000);
    wss.close();
    server.closeAllConnections();
    await stopped;
  };

  let closed: Promise<void> | undefined;
  return {
    url: `ws://${host}:${address.port}`,
    port: address.port,
    node,
    hocuspocus,
    metrics,
    stats: () => ({ connections: sockets.size, documents: hocuspocus.getDocumentsCount() }),
    close: () => (closed ??= close()),
  };
};
