import { Reassembler, splitMessage } from '@shared/sync/chunk-frames';

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
  lastInAt: null,
  lastStep1InAt: null,
  connectedAt: null,
});

/** Bytes queued in the channel above which chunks wait (Chromium fails sends past 16 MiB queued). */
const HIGH_WATER = 1024 * 1024;
const PUMP_RETRY_MS = 10;

const MESSAGE_SYNC = 0;
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

  peer.send = (data: Uint8Array) => {
    const message = asBytes(data);
    if (!message) return rawSend(data);
    counters.messagesOut += 1;
    counters.bytesOut += message.length;
    if (message[0] === MESSAGE_SYNC && message[1] === SYNC_STEP1) counters.step1Out += 1;
    const frames = splitMessage(message);
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
  });
  return { counters, receiving: () => reassembler.busy };
};
