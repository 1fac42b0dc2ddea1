/**
 * What the platform reports about hosting a room on the LAN and about rooms
 * found there. Plain data, so the same types serve Electron (which can host)
 * and the browser build (which reports the feature as unavailable).
 */

/** The mDNS service type: `_warroom._tcp`. */
export const LAN_SERVICE_TYPE = 'warroom';

/** The port the LAN host tries first: a browser served by the host falls back to signaling on it. */
export const DEFAULT_LAN_PORT = 4444;

export const MAX_LAN_DISPLAY_NAME = 40;

export type LanHostStatus =
  | { state: 'stopped' }
  | {
      state: 'hosting';
      /** The name other copies of the app see in their list. */
      name: string;
      port: number;
      /** http://<lan address>:<port>/ — the web build, for a browser on the LAN. */
      pageUrls: string[];
      /** ws://<lan address>:<port> — the y-webrtc signaling server on the same port. */
      signalingUrls: string[];
      /** Whether the mDNS advert is out (hosting still works without it). */
      advertised: boolean;
    }
  | { state: 'unavailable'; reason: string };

export interface DiscoveredHost {
  /** Stable key for a list: the service's full name. */
  id: string;
  name: string;
  /** The host's app version, from its TXT record. */
  version: string;
  port: number;
  addresses: string[];
  pageUrl: string;
  signalingUrl: string;
}

export type LanDiscovery = { available: true; hosts: DiscoveredHost[] } | { available: false; reason: string };

export const LAN_DESKTOP_ONLY = 'Hosting and finding rooms on the LAN is available in the desktop app.';
