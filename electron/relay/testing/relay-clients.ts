import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import * as syncProtocol from 'y-protocols/sync';
import { relayDocName, relayToken, type ShareKeys } from '../../../shared/sync/share-keys';

/** Clients of a relay for tests and the benchmark: Hocuspocus's own provider in Node, and a raw socket that records every frame. */

/**
 * ws's WebSocket throws "closed before the connection was established" when a
 * connecting socket is closed and nobody listens for 'error' (a browser's does
 * not); the provider closes sockets that way when it is destroyed mid-retry.
 */
export class QuietWebSocket extends WebSocket {
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args);
    this.on('error', () => {});
  }
}

export interface TestClient {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  socket: HocuspocusProviderWebsocket;
  log: Y.Array<string>;
  refused: string | null;
  destroy: () => void;
}

export const providerClient = (
  url: string,
  keys: ShareKeys,
  options: { token?: string; socket?: HocuspocusProviderWebsocket; retryMs?: number } = {},
): TestClient => {
  const doc = new Y.Doc();
  const retry = options.retryMs ?? 200;
  const socket =
    options.socket ??
    new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: QuietWebSocket, delay: retry, minDelay: retry / 2, maxDelay: retry * 4, factor: 2 });
  const client: TestClient = {
    doc,
    socket,
    log: doc.getArray<string>('log'),
    refused: null,
    provider: new HocuspocusProvider({
      websocketProvider: socket,
      name: relayDocName(keys),
      document: doc,
      token: options.token ?? relayToken(keys),
      onAuthenticationFailed: ({ reason }) => {
        client.refused = reason;
      },
    }),
    destroy: () => {
      client.provider.destroy();
      if (!options.socket) socket.destroy();
      doc.destroy();
    },
  };
  client.provider.attach();
  return client;
};

/** Message types of the Hocuspocus protocol (the first varUint after the document name). */
export const MSG = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3, syncReply: 4, syncStatus: 8, close: 7 } as const;
export const AUTH = { token: 0, permissionDenied: 1, authenticated: 2 } as const;

export interface Frame {
  doc: string;
  type: number;
  /** For auth frames: the sub-type and the reason or scope. */
  auth?: { kind: number; text: string };
  bytes: Uint8Array;
}

export const decodeFrame = (bytes: Uint8Array): Frame => {
  const d = decoding.createDecoder(bytes);
  const doc = decoding.readVarString(d);
  const type = decoding.readVarUint(d);
  if (type !== MSG.auth) return { doc, type, bytes };
  const kind = decoding.readVarUint(d);
  return { doc, type, auth: { kind, text: decoding.hasContent(d) ? decoding.readVarString(d) : '' }, bytes };
};

export const authMessage = (doc: string, token: string): Uint8Array => {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, doc);
  encoding.writeVarUint(e, MSG.auth);
  encoding.writeVarUint(e, AUTH.token);
  encoding.writeVarString(e, token);
  return encoding.toUint8Array(e);
};

export const syncStep1Message = (doc: string, ydoc: Y.Doc = new Y.Doc()): Uint8Array => {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, doc);
  encoding.writeVarUint(e, MSG.sync);
  syncProtocol.writeSyncStep1(e, ydoc);
  return encoding.toUint8Array(e);
};

export interface RawClient {
  ws: WebSocket;
  frames: Frame[];
  opened: Promise<void>;
  closed: Promise<{ code: number; reason: string }>;
  send: (bytes: Uint8Array) => void;
  close: () => void;
}

/** A bare WebSocket to the relay that records every frame it receives. */
export const rawClient = (url: string): RawClient => {
  const ws = new WebSocket(url);
  const frames: Frame[] = [];
  ws.on('message', (data: Buffer) => frames.push(decodeFrame(new Uint8Array(data))));
  ws.on('error', () => {});
  return {
    ws,
    frames,
    opened: new Promise((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    }),
    closed: new Promise((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() }))),
    send: (bytes) => ws.send(bytes),
    close: () => ws.close(),
  };
};

/** Polls until `check` holds; the error names what was awaited. */
export const until = async (check: () => boolean | Promise<boolean>, what: string, ms = 60_000): Promise<void> => {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};
