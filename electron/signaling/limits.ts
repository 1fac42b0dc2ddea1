/**
 * Resource limits for the signaling server. y-webrtc only ever sends small JSON
 * messages (SDP offers/answers, ICE candidates, announces, pings), so anything
 * far outside that envelope is a broken or hostile peer on the LAN.
 */
export interface SignalingLimits {
  /** Largest accepted frame; ws closes the sender with 1009 above it. An SDP offer is a few KiB. */
  maxMessageBytes: number;
  /** Sustained inbound rate per connection (token refill per second). */
  messagesPerSecond: number;
  /** Token bucket size: how many messages a connection may send back to back. */
  messageBurst: number;
  /**
   * Rate-limited messages tolerated before the connection is closed with 1008.
   * The count resets once the connection is quiet long enough to refill its bucket,
   * so only a sustained flood reaches it.
   */
  floodDropsBeforeClose: number;
  /** Topics (rooms) one connection may be subscribed to at once; extra subscribes are ignored. */
  maxTopicsPerConnection: number;
  /** Longest accepted topic name, in UTF-16 code units. */
  maxTopicLength: number;
  /** Open connections across all clients; further upgrades get HTTP 503. */
  maxConnections: number;
  /** Open connections from one remote address, so one host cannot take every slot. */
  maxConnectionsPerAddress: number;
  /**
   * At that cap, a connection of the address that is in no room and older than this is closed to make room
   * (younger ones may still be about to join theirs).
   */
  idleEvictAfterMs: number;
  /** Bytes queued towards a slow receiver beyond which further forwards to it are dropped. */
  maxBufferedBytes: number;
  /** Keep-alive period: a connection that has not answered the previous ping by the next one is terminated. */
  pingIntervalMs: number;
}

/*
 * Burst sizing: a peer joining a room of ~35 (y-webrtc's default maxConns is 20–35)
 * answers every announce with an offer plus a handful of trickled ICE candidates,
 * i.e. a few hundred messages within a second or two. The burst must absorb that.
 */
export const DEFAULT_SIGNALING_LIMITS: Readonly<SignalingLimits> = Object.freeze({
  maxMessageBytes: 64 * 1024,
  messagesPerSecond: 100,
  messageBurst: 400,
  floodDropsBeforeClose: 400,
  maxTopicsPerConnection: 64,
  maxTopicLength: 256,
  maxConnections: 512,
  maxConnectionsPerAddress: 64,
  idleEvictAfterMs: 5000,
  maxBufferedBytes: 1024 * 1024,
  // Same period as y-webrtc's reference server.
  pingIntervalMs: 30_000,
});

const isNonNegative = (value: number): boolean => Number.isFinite(value) && value >= 0;
/** setInterval silently turns longer delays into 1 ms, which would ping-storm every client. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Merges overrides onto the defaults, rejecting values that would silently disable a limit. */
export const resolveLimits = (overrides: Partial<SignalingLimits> = {}): SignalingLimits => {
  const limits: SignalingLimits = { ...DEFAULT_SIGNALING_LIMITS };
  for (const key of Object.keys(DEFAULT_SIGNALING_LIMITS) as (keyof SignalingLimits)[]) {
    const value = overrides[key];
    if (value === undefined) continue;
    // A zero refill rate is a legitimate fixed budget; every other limit must allow at least something.
    const valid =
      key === 'messagesPerSecond'
        ? isNonNegative(value)
        : isNonNegative(value) && value > 0 && (key !== 'pingIntervalMs' || value <= MAX_TIMER_MS);
    if (!valid) throw new RangeError(`Invalid signaling limit ${key}: ${String(value)}`);
    limits[key] = value;
  }
  return limits;
};
