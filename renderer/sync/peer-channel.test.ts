import { describe, expect, it, vi } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { MAX_FRAME } from '@shared/sync/chunk-frames';
import { HELLO_WAIT_MS, instrumentPeer, type SimplePeerLike } from './peer-channel';

/**
 * Two fake simple-peer instances joined back to back: what one `_channel.send`s
 * arrives at the other's `_onChannelMessage` as an ArrayBuffer, like a browser
 * data channel. Frames over `limit` are refused, like Chromium's SCTP limit.
 */
class FakePeer implements SimplePeerLike {
  other: FakePeer | null = null;
  received: Uint8Array[] = [];
  wire: number[] = [];
  destroyed = false;
  _channel = { bufferedAmount: 0 };
  private connectHandlers: (() => void)[] = [];
  constructor(private readonly limit = 256 * 1024) {}
  send(data: Uint8Array): void {
    if (data.length > this.limit) throw new Error('message too big for the data channel');
    this.wire.push(data.length);
    const copy = data.slice().buffer;
    this.other!._onChannelMessage({ data: copy });
  }
  _onChannelMessage(event: { data: unknown }): void {
    this.received.push(new Uint8Array(event.data as ArrayBuffer));
  }
  on(event: 'connect' | 'close', fn: () => void): void {
    if (event === 'connect') this.connectHandlers.push(fn);
  }
  connect(): void {
    for (const f of this.connectHandlers) f();
  }
}

const pair = () => {
  const a = new FakePeer();
  const b = new FakePeer();
  a.other = b;
  b.other = a;
  const kinds: string[] = [];
  const ia = instrumentPeer(a, () => undefined);
  const ib = instrumentPeer(b, (k) => kinds.push(k));
  // Both data channels open; each side says it reads chunks.
  a.connect();
  b.connect();
  a.wire.length = 0;
  b.wire.length = 0;
  return { a, b, ia, ib, kinds };
};

const bigUpdateMessage = (entries: number): Uint8Array => {
  const doc = new Y.Doc();
  const arr = doc.getArray<string>('log');
  arr.insert(0, Array.from({ length: entries }, (_, i) => `entry ${i} ${'x'.repeat(80)}`));
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeSyncStep2(encoder, doc);
  return encoding.toUint8Array(encoder);
};

describe('instrumented data channel', () => {
  it('delivers a message far over the channel limit whole, in frames no bigger than 16 KiB, and counts it', () => {
    const { a, b, ia, ib, kinds } = pair();
    const message = bigUpdateMessage(5000);
    expect(message.length).toBeGreaterThan(256 * 1024);
    a.send(message);
    expect(Math.max(...a.wire)).toBeLessThanOrEqual(MAX_FRAME);
    expect(b.received).toEqual([message]);
    expect(ia.counters).toMatchObject({ messagesOut: 1, chunkedOut: 1, bytesOut: message.length });
    expect(ib.counters).toMatchObject({ messagesIn: 1, chunkedIn: 1, step2In: 1, bytesIn: message.length });
    expect(kinds).toEqual(['step2']);
  });

  it('without the wrapper the same message is refused by the channel', () => {
    const raw = new FakePeer();
    raw.other = new FakePeer();
    expect(() => raw.send(bigUpdateMessage(5000))).toThrow(/too big/);
  });

  it('keeps small messages unchanged and in order behind a big one, and counts sync step 1 both ways', () => {
    const { a, b, ia, ib } = pair();
    const step1 = Uint8Array.of(0, 0, 1, 0);
    const big = bigUpdateMessage(3000);
    const small = Uint8Array.of(1, 5, 6, 7);
    a.send(step1);
    a.send(big);
    a.send(small);
    expect(b.received).toEqual([step1, big, small]);
    expect(a.wire[0]).toBe(step1.length);
    expect(ia.counters.step1Out).toBe(1);
    expect(ib.counters.step1In).toBe(1);
    expect(ib.counters.lastStep1InAt).not.toBeNull();
    b.send(step1);
    expect(ia.counters.step1In).toBe(1);
  });

  it('waits while the channel buffer is full and resumes in order when it drains', async () => {
    const { a, b } = pair();
    a._channel.bufferedAmount = 10 * 1024 * 1024;
    const big = bigUpdateMessage(3000);
    a.send(big);
    a.send(Uint8Array.of(1, 2));
    expect(b.received).toEqual([]);
    a._channel.bufferedAmount = 0;
    await new Promise((r) => setTimeout(r, 50));
    expect(b.received).toEqual([big, Uint8Array.of(1, 2)]);
  });

  it('records when the connection opened, and both sides learn the other reads chunks', () => {
    const a = new FakePeer();
    const b = new FakePeer();
    a.other = b;
    b.other = a;
    const ia = instrumentPeer(a, () => undefined);
    const ib = instrumentPeer(b, () => undefined);
    expect(ia.counters.connectedAt).toBeNull();
    a.connect();
    b.connect();
    expect(ia.counters.connectedAt).toBeGreaterThan(0);
    expect(ia.counters.speaksChunks).toBe(true);
    expect(ib.counters.speaksChunks).toBe(true);
  });
});

describe('a peer that is not Warroom (stock y-webrtc)', () => {
  /** a is Warroom; b is a plain fake peer that never says hello and cannot read chunks. */
  const withStock = (limit = 256 * 1024) => {
    const a = new FakePeer();
    const b = new FakePeer(limit);
    a.other = b;
    b.other = a;
    const ia = instrumentPeer(a, () => undefined);
    a.connect();
    return { a, b, ia };
  };

  it('waits for its hello, then, without one, sends each message whole up to what the channel takes', async () => {
    vi.useFakeTimers();
    try {
      const { a, b, ia } = withStock();
      (a as unknown as { _pc: { sctp: { maxMessageSize: number } } })._pc = { sctp: { maxMessageSize: 256 * 1024 } };
      const big = bigUpdateMessage(1500); // ~130 KB: over one frame, under Chromium's 256 KiB
      expect(big.length).toBeGreaterThan(MAX_FRAME);
      a.send(big);
      expect(b.received).toHaveLength(1); // only the hello so far
      vi.advanceTimersByTime(HELLO_WAIT_MS + 1);
      expect(ia.counters.speaksChunks).toBe(false);
      expect(b.received.at(-1)).toEqual(big);
      expect(ia.counters.chunkedOut).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('counts a message too big for its channel as undeliverable instead of sending frames it would drop', () => {
    vi.useFakeTimers();
    try {
      const { a, b, ia } = withStock();
      (a as unknown as { _pc: { sctp: { maxMessageSize: number } } })._pc = { sctp: { maxMessageSize: 64 * 1024 } };
      vi.advanceTimersByTime(HELLO_WAIT_MS + 1);
      a.send(bigUpdateMessage(1500));
      expect(ia.counters.undeliverable).toBe(1);
      expect(b.received).toHaveLength(1); // the hello
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('a Warroom peer whose hello comes late (a loaded machine)', () => {
  it('gets what was held back from it, in order, once it says hello', () => {
    vi.useFakeTimers();
    try {
      const a = new FakePeer();
      const b = new FakePeer();
      a.other = b;
      b.other = a;
      (a as unknown as { _pc: { sctp: { maxMessageSize: number } } })._pc = { sctp: { maxMessageSize: 64 * 1024 } };
      const ia = instrumentPeer(a, () => undefined);
      a.connect();
      // b is too busy to answer within the wait: a takes it for a stock peer.
      vi.advanceTimersByTime(HELLO_WAIT_MS + 1);
      expect(ia.counters.speaksChunks).toBe(false);
      const big = bigUpdateMessage(1500); // over the 64 KiB channel limit
      const small = Uint8Array.of(0, 2, 1, 0);
      a.send(big);
      expect(ia.counters.undeliverable).toBe(1);
      // Then b says hello.
      instrumentPeer(b, () => undefined);
      const before = b.received.length;
      b.connect();
      a.send(small);
      vi.runAllTimers();
      expect(ia.counters.speaksChunks).toBe(true);
      expect(ia.counters.lateHellos).toBe(1);
      expect(ia.counters.undeliverable).toBe(0);
      expect(b.received.slice(before)).toEqual([big, small]);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('the documented hello', () => {
  it('is the one the channel sends', async () => {
    const doc = await import('@shared/schema/format-doc');
    const channel = await import('./peer-channel');
    expect([doc.HELLO_MESSAGE, doc.HELLO_WAIT_MS]).toEqual([channel.HELLO_MESSAGE, channel.HELLO_WAIT_MS]);
  });
});
