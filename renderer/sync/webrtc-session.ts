import { WebrtcProvider } from 'y-webrtc';
import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { instrumentPeer, preciseNow, type PeerCounters, type SimplePeerLike } from './peer-channel';
import { deferPeerEchoes, type EchoingRoom } from './peer-echo';
import { afterPaint } from '../platform/after-paint';

/**
 * One y-webrtc provider for one incident, with the guards y-webrtc lacks:
 * - chunked data-channel messages (see peer-channel.ts);
 * - against one-directional sync after a reconnect (y-webrtc #24): y-webrtc
 *   sends sync step 1 from both sides when a data channel opens (counted per
 *   peer, so tests can check it), and on top of that this session re-sends
 *   step 1 to every peer whenever the signaling link or the network comes
 *   back, and every `resyncMs`. An update lost on a half-dead channel (y-webrtc
 *   drops send errors silently) is thus re-sent by the peer's step 2 reply.
 * - a connection whose data channel died without 'close' is destroyed, so that
 *   the peer's next offer builds a fresh one instead of renegotiating a corpse.
 * - leaving a room really leaves it: y-webrtc's handler for a closed connection
 *   subscribes to the room and announces itself again (announceSignalingInfo),
 *   also when the close comes from leaving, so a device that went offline or
 *   left stayed in the room on the signaling server. Found by the test that a
 *   replaced invite's room empties (own-data.spec.ts).
 */

export interface WebrtcOptions {
  room: string;
  password: string;
  signaling: string[];
  iceServers: RTCIceServer[];
  resyncMs: number;
}

export interface PeerStats extends PeerCounters {
  id: string;
  connected: boolean;
}

export interface WebrtcStats {
  room: string;
  signaling: { url: string; connected: boolean; failedAttempts: number }[];
  /** y-webrtc's room.webrtcConns.size: connections made or being made. */
  webrtcConns: number;
  /** Connections whose data channel is open. */
  connectedPeers: number;
  /** Same-browser tabs reached over BroadcastChannel (must be 0 in WebRTC tests). */
  bcConns: number;
  synced: boolean;
  resyncs: number;
  peers: PeerStats[];
}

const MESSAGE_SYNC = 0;

/** A connection that has not opened its data channel by then never will: it is dropped, so the next offer builds a fresh one. */
export const CONNECT_TIMEOUT_MS = 20_000;
/**
 * A connected peer that has sent nothing for this long is gone (a closed laptop lid, a VPN that dropped):
 * peers publish presence every 5 s and answer resyncs, so silence this long is not a quiet room.
 */
export const SILENCE_MS = 45_000;

interface SignalingConnLike {
  url: string;
  connected: boolean;
  connecting: boolean;
  unsuccessfulReconnects: number;
}

/** The live session of each room in this page (y-webrtc allows one), so a late close of an old one leaves a new one alone. */
const sessionsByRoom = new Map<string, WebrtcSession>();

type Conn = { connected: boolean; peer: SimplePeerLike & { connected?: boolean; destroy(): void } };

export class WebrtcSession {
  readonly provider: WebrtcProvider;
  private counters = new Map<string, PeerCounters>();
  private bornAt = new WeakMap<object, number>();
  private receiving = new Map<string, () => boolean>();
  private timer: ReturnType<typeof setInterval>;
  private lastSignalingUp = 0;
  private resyncs = 0;
  private lastResyncAt = 0;
  private destroyed = false;

  constructor(
    private readonly doc: Y.Doc,
    awareness: Awareness,
    private readonly opts: WebrtcOptions,
    private readonly onActivity: (kind: 'step1' | 'step2' | 'update' | 'other' | 'peers') => void,
  ) {
    this.provider = new WebrtcProvider(opts.room, doc, {
      signaling: opts.signaling,
      password: opts.password,
      awareness,
      peerOpts: { config: { iceServers: opts.iceServers } },
    });
    // The room exists once the password's key is derived; nothing can have
    // connected before this callback (peers arrive through later socket events).
    void this.provider.key.then(() => {
      const room = this.provider.room;
      if (!room) return;
      this.instrumentRoom(room.webrtcConns as unknown as Map<string, Conn>);
      // y-webrtc's own key.then ran first and connected the room if the provider was connecting.
      deferPeerEchoes(room as unknown as EchoingRoom, this.provider.shouldConnect, afterPaint);
    });
    this.provider.on('peers', () => onActivity('peers'));
    this.provider.on('synced', () => onActivity('peers'));
    sessionsByRoom.set(opts.room, this);
    this.timer = setInterval(() => this.tick(), Math.min(opts.resyncMs, 1000));
    window.addEventListener('online', this.resyncAll);
  }

  private instrumentRoom(conns: Map<string, Conn>): void {
    const instrument = (id: string, conn: Conn) => {
      this.bornAt.set(conn, preciseNow());
      // Registered after y-webrtc's own 'close' handler (it is added in the connection's constructor), so it runs after it.
      conn.peer.on('close', this.unsubscribeIfLeft);
      const { counters, receiving } = instrumentPeer(conn.peer, (kind) => this.onActivity(kind));
      this.counters.set(id, counters);
      this.receiving.set(id, receiving);
    };
    for (const [id, conn] of conns) instrument(id, conn);
    const set = conns.set.bind(conns);
    // y-webrtc creates a connection and stores it with map.setIfUndefined → set().
    conns.set = (id: string, conn: Conn) => {
      if (conns.get(id) !== conn) instrument(id, conn);
      return set(id, conn);
    };
  }

  /** After a connection closed: if we have left the room, take back the subscription y-webrtc just renewed. */
  private readonly unsubscribeIfLeft = (): void => {
    if (!this.destroyed && this.provider.shouldConnect) return;
    const current = sessionsByRoom.get(this.opts.room);
    // The same room was joined again since (new servers or relay): its subscription is not ours to take.
    if (current !== undefined && current !== this) return;
    for (const conn of this.signalingConns() as (SignalingConnLike & { send(message: unknown): void })[]) {
      if (conn.connected) conn.send({ type: 'unsubscribe', topics: [this.opts.room] });
    }
  };

  /** y-webrtc appends to provider.signalingConns on every connect(); the current ones are the last. */
  private signalingConns(): SignalingConnLike[] {
    const all = this.provider.signalingConns as unknown as SignalingConnLike[];
    return all.slice(-this.opts.signaling.length);
  }

  private tick(): void {
    if (this.destroyed || !this.provider.connected) return;
    const up = this.signalingConns().filter((c) => c.connected).length;
    // A signaling link came back: the peers may have missed our updates meanwhile.
    if (up > this.lastSignalingUp) this.resyncAll();
    this.lastSignalingUp = up;
    const conns = this.provider.room?.webrtcConns as unknown as Map<string, Conn> | undefined;
    const now = preciseNow();
    for (const [id, conn] of conns ?? []) {
      if (conn.peer.destroyed) continue;
      const born = this.bornAt.get(conn) ?? now;
      const heard = Math.max(this.counters.get(id)?.lastInAt ?? 0, this.counters.get(id)?.connectedAt ?? 0, born);
      // y-webrtc keeps a connection until it closes, and makes no new one to that peer meanwhile: a data channel
      // that died without a 'close', one that never opened, or one gone silent (a peer frozen for a minute) would
      // shut that peer out for good. Destroying it lets the next announcement build a fresh connection.
      const dead = conn.connected && conn.peer.connected === false;
      const neverOpened = !conn.connected && now - born > CONNECT_TIMEOUT_MS;
      const silent = conn.connected && now - heard > SILENCE_MS;
      if (dead || neverOpened || silent) conn.peer.destroy();
    }
    if (Date.now() - this.lastResyncAt >= this.opts.resyncMs) this.resyncAll();
  }

  /** Send our state vector to every connected peer; each answers with what we lack. */
  readonly resyncAll = (): void => {
    this.lastResyncAt = Date.now();
    const conns = this.provider.room?.webrtcConns as unknown as Map<string, Conn> | undefined;
    if (!conns || conns.size === 0) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    const message = encoding.toUint8Array(encoder);
    for (const [id, conn] of conns) {
      // Until the first step 2 has arrived, y-webrtc's own step 1 is in flight; asking
      // again would make the peer send a big document twice.
      if (!conn.connected || (this.counters.get(id)?.step2In ?? 0) === 0 || this.receiving.get(id)?.()) continue;
      try {
        conn.peer.send(message);
      } catch {
        // Closing; the reconnect sends step 1 anyway.
      }
    }
    this.resyncs += 1;
  };

  setConnected(on: boolean): void {
    if (on && !this.provider.connected) {
      this.provider.connect();
      this.lastSignalingUp = 0;
    } else if (!on && this.provider.connected) {
      this.provider.disconnect();
    }
  }

  stats(): WebrtcStats {
    const room = this.provider.room;
    const conns = (room?.webrtcConns as unknown as Map<string, Conn> | undefined) ?? new Map<string, Conn>();
    const peers: PeerStats[] = [];
    for (const [id, conn] of conns) {
      const c = this.counters.get(id);
      if (c) peers.push({ ...c, id, connected: conn.connected });
    }
    return {
      room: this.opts.room,
      signaling: this.signalingConns().map((c) => ({ url: c.url, connected: c.connected, failedAttempts: c.unsuccessfulReconnects })),
      webrtcConns: conns.size,
      connectedPeers: peers.filter((p) => p.connected).length,
      bcConns: room?.bcConns.size ?? 0,
      synced: room?.synced ?? false,
      resyncs: this.resyncs,
      peers,
    };
  }

  /** Resolves once y-webrtc has released the room name, so a new session may take it. */
  async destroy(): Promise<void> {
    this.destroyed = true;
    if (sessionsByRoom.get(this.opts.room) === this) sessionsByRoom.delete(this.opts.room);
    clearInterval(this.timer);
    window.removeEventListener('online', this.resyncAll);
    this.provider.destroy();
    await this.provider.key;
    await Promise.resolve();
  }
}
