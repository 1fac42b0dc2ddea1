import http from 'node:http';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { docs, setPersistence, setupWSConnection } from '@y/websocket-server/utils';
import { DOC_NAME, FileDocStore } from './file-store';
import { filePersistence } from './file-persistence';

/**
 * The optional relay: @y/websocket-server's own connection handler (we never
 * write our own sync server) on a ws server, with documents kept on disk by
 * FileDocStore. Clients are y-websocket WebsocketProviders; the document name
 * is the URL path (`ws://host:port/<name>`).
 *
 * Why a relay at all: the y-webrtc mesh has every peer connect to every other,
 * capped at 20–35 connections, and its README says it is not meant for large
 * crowds. A relay carries big or cross-site rooms and keeps a copy while every
 * laptop is closed.
 *
 * @y/websocket-server keeps its documents and its persistence hook in module
 * globals, so a process runs one relay.
 */
export interface RelayServerOptions {
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  dataDir: string;
  /** Largest accepted message; a sync step 2 of a big incident is several MiB. */
  maxPayload?: number;
  log?: (msg: string) => void;
}

export interface RelayServer {
  url: string;
  port: number;
  store: FileDocStore;
  stats: () => { connections: number; docs: number };
  /** Disconnects everyone, writes every open document and stops listening. */
  close: () => Promise<void>;
}

const docNameOf = (request: IncomingMessage): string | null => {
  let pathname: string;
  try {
    pathname = new URL(request.url ?? '/', 'http://relay').pathname;
  } catch {
    return null;
  }
  const name = decodeURIComponent(pathname.slice(1));
  return DOC_NAME.test(name) ? name : null;
};

const reject = (socket: Duplex, status: number): void => {
  socket.end(`HTTP/1.1 ${status} ${http.STATUS_CODES[status] ?? ''}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
};

export const startRelayServer = async (options: RelayServerOptions): Promise<RelayServer> => {
  const log = options.log ?? (() => {});
  const store = new FileDocStore(options.dataDir);
  const persistence = filePersistence(store, { log });
  setPersistence(persistence);
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.end('okay');
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxPayload ?? 64 * 1024 * 1024 });
  const sockets = new Set<WebSocket>();

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => {});
    const docName = docNameOf(request);
    if (!docName) {
      reject(socket, 400);
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      sockets.add(ws);
      ws.once('close', () => sockets.delete(ws));
      setupWSConnection(ws, request, { docName, gc: true });
    });
  });

  await new Promise<void>((resolve, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(options.port ?? 1234, options.host ?? '127.0.0.1', () => {
      server.off('error', rejectListen);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  let closing: Promise<void> | undefined;
  const close = async (): Promise<void> => {
    const closed = [...sockets].map((ws) => new Promise<void>((resolve) => ws.once('close', () => resolve())));
    for (const ws of sockets) ws.terminate();
    await Promise.all(closed);
    // The last client leaving already triggered writeState; documents still open are written here.
    await Promise.all([...docs.entries()].map(([name, doc]) => persistence.writeState(name, doc)));
    await persistence.flush();
    wss.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    setPersistence(null);
  };

  return {
    url: `ws://${host}:${address.port}`,
    port: address.port,
    store,
    stats: () => ({ connections: sockets.size, docs: docs.size }),
    close: () => (closing ??= close()),
  };
};
