import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { RELAY_UNAVAILABLE } from '@shared/sync/relay-refusals';

/**
 * The optional relay: a Hocuspocus provider on the same Y.Doc (and the same
 * awareness) as the WebRTC provider. A y-webrtc mesh tops out at 20–35
 * connections per peer; a relay (Hocuspocus, see electron/relay) carries big
 * or cross-site rooms and keeps a copy while every laptop is shut.
 *
 * An invite may name several nodes of one relay cluster. Any node serves any
 * document (they share it through Redis), so each time the connection closes
 * or a connection attempt fails, the next attempt goes to the next node: a
 * client whose node died is on another one after one retry delay, and resyncs
 * its whole state there (sync step 1 and 2), so nothing it holds is lost.
 */
export interface RelayStats {
  /** The node in use, or tried next. */
  url: string;
  urls: string[];
  doc: string;
  status: 'connected' | 'connecting' | 'disconnected';
  synced: boolean;
  /** Updates sent that the relay has not yet acknowledged. */
  unsyncedChanges: number;
  /** Times the session moved on to the next node. */
  switches: number;
  /** Why the relay refused this client, if it did (a wrong token). */
  refused: string | null;
  /** A reconnect is scheduled after a "relay unavailable" refusal. */
  retrying: boolean;
}

export interface RelayEndpoint {
  urls: string[];
  docName: string;
  token: string;
}

/** How long after a "relay unavailable" refusal the session connects again (to the next node, if there is one). */
export const UNAVAILABLE_RETRY_MS = 2000;

export class RelaySession {
  readonly provider: HocuspocusProvider;
  private readonly socket: HocuspocusProviderWebsocket;
  private index = 0;
  private switches = 0;
  private refused: string | null = null;
  private wanted = true;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private retrying = false;

  constructor(
    doc: Y.Doc,
    private readonly awareness: Awareness,
    private readonly endpoint: RelayEndpoint,
    resyncMs: number,
    onActivity: () => void,
  ) {
    if (endpoint.urls.length === 0) throw new Error('a relay session needs at least one relay address');
    this.socket = new HocuspocusProviderWebsocket({
      url: endpoint.urls[0]!,
      // Retry quickly and often: with several nodes, a retry is usually a move to a live one.
      delay: 500,
      minDelay: 250,
      maxDelay: 5000,
      factor: 2,
      jitter: true,
    });
    // Registered after the socket's own close handler, so the URL is switched before its next attempt reads it.
    this.socket.on('close', this.nextNode);
    this.provider = new HocuspocusProvider({
      websocketProvider: this.socket,
      name: endpoint.docName,
      document: doc,
      awareness,
      token: endpoint.token,
      // Against one-directional sync (y-webrtc #24 has a relay cousin): ask for the server's state regularly.
      forceSyncInterval: resyncMs,
      onAuthenticationFailed: ({ reason }) => {
        this.refused = reason;
        // The relay's database was down: not our fault, and it will be back. Anything else is final for this token.
        if (reason === RELAY_UNAVAILABLE) this.reconnectSoon();
        onActivity();
      },
      onAuthenticated: () => {
        this.refused = null;
      },
    });
    this.provider.attach();
    this.provider.on('status', onActivity);
    this.provider.on('synced', onActivity);
    this.provider.on('unsyncedChanges', onActivity);
  }

  private nextNode = (): void => {
    const { urls } = this.endpoint;
    if (urls.length < 2) return;
    this.index = (this.index + 1) % urls.length;
    this.switches += 1;
    this.socket.setConfiguration({ url: urls[this.index]! });
  };

  /** Hocuspocus keeps a refused connection open and never asks again: close it, and connect afresh later. */
  private reconnectSoon(): void {
    clearTimeout(this.retry);
    this.retrying = true;
    this.retry = setTimeout(() => {
      this.retrying = false;
      if (!this.wanted) return;
      if (this.socket.status !== 'connected') {
        void this.socket.connect();
        return;
      }
      // connect() does nothing while the old socket is still open: wait for it to close.
      const again = () => {
        this.socket.off('disconnect', again);
        if (this.wanted) void this.socket.connect();
      };
      this.socket.on('disconnect', again);
      this.socket.disconnect();
    }, UNAVAILABLE_RETRY_MS);
  }

  setConnected(on: boolean): void {
    this.wanted = on;
    if (!on) {
      clearTimeout(this.retry);
      this.retrying = false;
    }
    if (on && !this.socket.shouldConnect) void this.socket.connect();
    else if (!on && this.socket.shouldConnect) this.socket.disconnect();
  }

  stats(): RelayStats {
    const connected = this.socket.status === 'connected';
    return {
      url: this.endpoint.urls[this.index]!,
      urls: [...this.endpoint.urls],
      doc: this.endpoint.docName,
      status: this.socket.status,
      synced: connected && this.provider.isSynced,
      unsyncedChanges: this.provider.unsyncedChanges,
      switches: this.switches,
      refused: this.refused,
      retrying: this.retrying,
    };
  }

  destroy(): void {
    this.wanted = false;
    clearTimeout(this.retry);
    // The awareness belongs to the incident, not to this provider, and HocuspocusProvider.destroy() would
    // remove our presence from it and destroy it. So the provider is handed a stand-in to destroy, and its
    // sending handler is taken off the real one. (Two small listeners of its own stay on the real one; they
    // read the stand-in and emit to nobody.)
    this.awareness.off('update', this.provider.boundAwarenessUpdateHandler);
    this.provider.configuration.awareness = new Awareness(new Y.Doc());
    this.provider.destroy();
    this.socket.off('close', this.nextNode);
    this.socket.destroy();
  }
}
