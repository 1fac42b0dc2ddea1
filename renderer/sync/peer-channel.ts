import { MAX_FRAME, Reassembler, splitMessage } from '@shared/sync/chunk-frames';

/**
 * Wraps one simple-peer instance (the data channel y-webrtc talks over) so that
 * messages of any size get through (y-webrtc #20, #42, #61), and counts what
 * passes for the status line, the tests and the benchmark.
 *
 * y-webrtc calls `peer.send(msg)` for everything it sends and simple-peer calls
 * `this._onChannelMessage(event)` for everything it receives, both looked up on
 * the instance at call time; replacing them on the instance is the narrowest hook.
 */

/** The parts of simple-peer touched here (it ships no types). */
export interface SimplePeerLike {
  send(data: Uint8Array): void;
  _onChannelMessage(event: { data: unknown }): void;
  _channel?: { bufferedAmount?: number } | null;
  /** The RTCPeerConnection: its SCTP transport says how big one message may be. */
  _pc?: { sctp?: { maxMessageSize?: number } | null } | null;
  destroyed?: boolean;
  on(event: 'connect' | 'close', fn: () => void): void;
}

export interface PeerCounters {
  messagesOut: number;
  messagesIn: number;
  bytesOut: number;
  bytesIn: number;
  /** Messages too big for one frame, sent / received in chunks. */
  chunkedOut: number;
  chunkedIn: number;
  framesOut: number;
  /** Sync step 1 (state vector) messages: both sides must send one after every (re)connection (y-webrtc #24). */
  step1Out: number;
  step1In: number;
  step2In: number;
  updatesIn: number;
  dropped: number;
  /** Whether the peer said it reads chunked messages (a Warroom peer); null until it says, or its time to say has passed. */
  speaksChunks: boolean | null;
  /** Messages too big for a peer that reads no chunks: it cannot receive the incident until it is smaller. */
  undeliverable: number;
  /** Hellos that came after the wait: the peer had been taken for a stock one, and got what was held back. */
  lateHellos: number;
  lastInAt: number | null;
  lastStep1InAt: number | null;
  connectedAt: number | null;
}

const newCounters = (): PeerCounters => ({
  messagesOut: 0,
  messagesIn: 0,
  bytesOut: 0,
  bytesIn: 0,
  chunkedOut: 0,
  chunkedIn: 0,
  framesOut: 0,
  step1Out: 0,
  step1In: 0,
  step2In: 0,
  updatesIn: 0,
  dropped: 0,
  speaksChunks: null,
  undeliverable: 0,
  lateHellos: 0,
  lastInAt: null,
  lastStep1InAt: null,
  connectedAt: null,
});

/** Bytes queued in the channel above which chunks wait (Chromium fails sends past 16 MiB queued). */
const HIGH_WATER = 1024 * 1024;
const PUMP_RETRY_MS = 10;

const MESSAGE_SYNC = 0;
/**
 * "I read chunked messages", sent by a Warroom peer as its data channel
 * opens. A stock y-webrtc peer never sends it, and ignores it (an unknown
 * message type); it would also drop chunk frames, so it is sent each message
 * whole instead, up to the channel's own limit.
 */
export const HELLO_MESSAGE = 101;
const HELLO = new Uint8Array([HELLO_MESSAGE, 1]);
/** How long a newly connected peer has to say hello before it is treated as a stock one. */
export const HELLO_WAIT_MS = 2000;
/** The limit every browser's data channel guarantees, when the connection does not say its own. */
const SAFE_MESSAGE = 64 * 1024;
const SYNC_STEP1 = 0;
const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;

/** Epoch milliseconds with sub-millisecond resolution, comparable across browser processes. */
export const preciseNow = (): number => performance.timeOrigin + performance.now();

const asBytes = (data: unknown): Uint8Array | null => {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return null;
};

export interface InstrumentedPeer {
  counters: PeerCounters;
  /** True while a chunked message from this peer is half received. */
  receiving(): boolean;
}

export const instrumentPeer = (peer: SimplePeerLike, onIncoming: (kind: 'step1' | 'step2' | 'update' | 'other') => void): InstrumentedPeer => {
  const counters = newCounters();
  const rawSend = peer.send.bind(peer);
  const rawReceive = peer._onChannelMessage.bind(peer);
  const queue: Uint8Array[] = [];
  let pumping = false;
  /** Messages too big for one frame, waiting to learn whether the peer reads chunks; everything after them waits too. */
  const waiting: Uint8Array[] = [];
  /**
   * What could not go to a peer taken for a stock one. A Warroom peer on a
   * loaded machine can say hello after the wait: it then gets these, in order
   * (Yjs messages apply late as well as on time), instead of waiting for the
   * next sync exchange to notice. Kept until then, or until the channel closes.
   */
  let heldBack: Uint8Array[] = [];
  const maxMessage = () => peer._pc?.sctp?.maxMessageSize || SAFE_MESSAGE;

  const pump = (): void => {
    pumping = false;
    while (queue.length > 0) {
      if (peer.destroyed) {
        queue.length = 0;
        return;
      }
      if ((peer._channel?.bufferedAmount ?? 0) > HIGH_WATER) {
        pumping = true;
        setTimeout(pump, PUMP_RETRY_MS);
        return;
      }
      try {
        rawSend(queue.shift()!);
        counters.framesOut += 1;
      } catch {
        // The channel is closing; what was lost is re-sent by the sync exchange on reconnect.
        queue.length = 0;
      }
    }
  };

  const deliver = (message: Uint8Array): void => {
    let frames = splitMessage(message);
    if (frames.length > 1 && counters.speaksChunks === false) {
      // A stock peer: the whole message, if its channel takes it; else it cannot have it.
      if (message.length > maxMessage()) {
        counters.undeliverable += 1;
        heldBack.push(message);
        return;
      }
      frames = [message];
    }
    if (frames.length === 1 && queue.length === 0) {
      rawSend(frames[0]!);
      counters.framesOut += 1;
      return;
    }
    if (frames.length > 1) counters.chunkedOut += 1;
    // Everything goes through the queue while it is not empty, so messages keep their order.
    queue.push(...frames);
    if (!pumping) pump();
  };

  const flushWaiting = (): void => {
    for (const m of waiting.splice(0)) deliver(m);
  };

  peer.send = (data: Uint8Array) => {
    const message = asBytes(data);
    if (!message) return rawSend(data);
    counters.messagesOut += 1;
    counters.bytesOut += message.length;
    if (message[0] === MESSAGE_SYNC && message[1] === SYNC_STEP1) counters.step1Out += 1;
    // Until the peer's kind is known, a message that needs chunks (and everything after it, to keep the order) waits.
    if (waiting.length > 0 || (counters.speaksChunks === null && message.length > MAX_FRAME)) {
      waiting.push(message);
      return;
    }
    deliver(message);
  };

  const reassembler = new Reassembler();
  peer._onChannelMessage = (event: { data: unknown }) => {
    const frame = asBytes(event.data);
    if (!frame) return rawReceive(event);
    const result = reassembler.feed(frame);
    if (result.kind === 'partial') return;
    if (result.kind === 'dropped') {
      counters.dropped += 1;
      return;
    }
    const m = result.message;
    if (m.length === HELLO.length && m[0] === HELLO_MESSAGE) {
      const late = counters.speaksChunks === false;
      counters.speaksChunks = true;
      if (late) {
        counters.lateHellos += 1;
        // It can receive them after all: no longer "cannot receive the incident".
        counters.undeliverable = 0;
        const held = heldBack;
        heldBack = [];
        // Before whatever waits: the held-back messages were sent first.
        waiting.unshift(...held);
      }
      flushWaiting();
      return;
    }
    if (m !== frame) counters.chunkedIn += 1;
    counters.messagesIn += 1;
    counters.bytesIn += m.length;
    counters.lastInAt = preciseNow();
    let kind: 'step1' | 'step2' | 'update' | 'other' = 'other';
    if (m[0] === MESSAGE_SYNC) {
      if (m[1] === SYNC_STEP1) {
        kind = 'step1';
        counters.step1In += 1;
        counters.lastStep1InAt = counters.lastInAt;
      } else if (m[1] === SYNC_STEP2) {
        kind = 'step2';
        counters.step2In += 1;
      } else if (m[1] === SYNC_UPDATE) {
        kind = 'update';
        counters.updatesIn += 1;
      }
    }
    // Hand simple-peer an ArrayBuffer, as the browser would: it wraps it without copying.
    rawReceive(m === frame ? event : { data: m.buffer });
    onIncoming(kind);
  };

  peer.on('connect', () => {
    counters.connectedAt = preciseNow();
    try {
      rawSend(HELLO);
    } catch {
      // Closing already.
    }
    setTimeout(() => {
      if (counters.speaksChunks !== null) return;
      counters.speaksChunks = false;
      flushWaiting();
    }, HELLO_WAIT_MS);
  });
  return { counters, receiving: () => reassembler.busy };
};
