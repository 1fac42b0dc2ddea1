import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';

/**
 * A sync client of the relay, as the app's relay session is: y-websocket's
 * WebsocketProvider, document name in the URL path. Only this file knows the
 * wire protocol, so the check of `npm run relay` stays the same if the relay
 * moves to another Yjs server (Hocuspocus would swap in its provider here).
 */
export interface RelayClient {
  doc: Y.Doc;
  synced(): boolean;
  close(): void;
}

export const connectRelay = (url: string, docName: string): RelayClient => {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(url, docName, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  return {
    doc,
    synced: () => provider.synced,
    close: () => {
      provider.destroy();
      doc.destroy();
    },
  };
};
