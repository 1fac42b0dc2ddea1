import { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';

/**
 * The optional relay: a y-websocket provider on the same Y.Doc (and the same
 * awareness) as the WebRTC provider. A y-webrtc mesh tops out at 20–35
 * connections per peer; a relay (@y/websocket-server, see electron/relay)
 * carries big or cross-site rooms and keeps a copy while every laptop is shut.
 */
export interface RelayStats {
  url: string;
  doc: string;
  status: 'connected' | 'connecting' | 'disconnected';
  synced: boolean;
}

export class RelaySession {
  readonly provider: WebsocketProvider;

  constructor(
    doc: Y.Doc,
    awareness: Awareness,
    private readonly url: string,
    private readonly docName: string,
    resyncMs: number,
    onActivity: () => void,
  ) {
    this.provider = new WebsocketProvider(url, docName, doc, {
      awareness,
      // Tabs of one browser share IndexedDB already; BroadcastChannel would only hide relay problems.
      disableBc: true,
      // Against one-directional sync (y-webrtc #24 has a y-websocket cousin): ask for the server's state regularly.
      resyncInterval: resyncMs,
      maxBackoffTime: 5000,
    });
    this.provider.on('status', onActivity);
    this.provider.on('sync', onActivity);
  }

  setConnected(on: boolean): void {
    if (on && !this.provider.shouldConnect) this.provider.connect();
    else if (!on && this.provider.shouldConnect) this.provider.disconnect();
  }

  stats(): RelayStats {
    const p = this.provider;
    return {
      url: this.url,
      doc: this.docName,
      status: p.wsconnected ? 'connected' : p.wsconnecting ? 'connecting' : 'disconnected',
      synced: p.wsconnected && p.synced,
    };
  }

  destroy(): void {
    this.provider.destroy();
  }
}
