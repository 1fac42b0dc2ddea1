import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/**
 * Fragmentation for WebRTC data channels (y-webrtc #20, #42, #61): a Yjs sync
 * step 2 for a big incident is megabytes, and a data-channel message over the
 * SCTP limit (256 KiB in Chromium, 64 KiB in older Firefox, 16 KiB guaranteed
 * everywhere) is refused or kills the channel. Messages up to MAX_FRAME bytes
 * go out unchanged, so a peer speaking plain y-webrtc still understands them.
 *
 * A larger message becomes frames tagged with a message type y-webrtc does not
 * use: [varUint CHUNK_MESSAGE][varUint totalLength][varUint offset][bytes].
 * The channel is reliable and ordered and a sender never interleaves two big
 * messages, so the receiver only has to check that offsets follow each other.
 */
export const CHUNK_MESSAGE = 100;
export const MAX_FRAME = 16 * 1024;
/** Varuint header: 1 byte of type, up to 5 bytes for each of length and offset. */
const MAX_HEADER = 11;
/** A reassembled message larger than this is dropped: no incident is anywhere near it. */
export const MAX_MESSAGE = 256 * 1024 * 1024;

export const isChunkFrame = (frame: Uint8Array): boolean => frame.length > 0 && frame[0] === CHUNK_MESSAGE;

/** The frames to send for one message: the message itself when it fits. */
export const splitMessage = (message: Uint8Array, maxFrame = MAX_FRAME): Uint8Array[] => {
  if (message.length <= maxFrame && !isChunkFrame(message)) return [message];
  const payload = maxFrame - MAX_HEADER;
  if (payload < 1) throw new RangeError('frame size too small');
  const frames: Uint8Array[] = [];
  for (let offset = 0; offset < message.length; offset += payload) {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, CHUNK_MESSAGE);
    encoding.writeVarUint(encoder, message.length);
    encoding.writeVarUint(encoder, offset);
    encoding.writeUint8Array(encoder, message.subarray(offset, Math.min(message.length, offset + payload)));
    frames.push(encoding.toUint8Array(encoder));
  }
  return frames;
};

export type FeedResult = { kind: 'message'; message: Uint8Array } | { kind: 'partial' } | { kind: 'dropped'; reason: string };

/** One per connection and direction: puts chunked messages back together. */
export class Reassembler {
  private buffer: Uint8Array | null = null;
  private filled = 0;

  constructor(private readonly maxMessage = MAX_MESSAGE) {}

  /** A chunked message is partly received. */
  get busy(): boolean {
    return this.buffer !== null;
  }

  /** Feed one received frame; a plain (unchunked) frame comes straight back. */
  feed(frame: Uint8Array): FeedResult {
    if (!isChunkFrame(frame)) {
      if (this.buffer) return this.reset('plain message inside a chunked one');
      return { kind: 'message', message: frame };
    }
    let total: number;
    let offset: number;
    let bytes: Uint8Array;
    try {
      const decoder = decoding.createDecoder(frame);
      decoding.readVarUint(decoder);
      total = decoding.readVarUint(decoder);
      offset = decoding.readVarUint(decoder);
      bytes = frame.subarray(decoder.pos);
    } catch {
      return this.reset('unreadable chunk header');
    }
    if (total > this.maxMessage) return this.reset(`message of ${total} bytes is over the limit`);
    if (offset === 0) {
      if (this.buffer) this.reset('new message before the previous one ended');
      this.buffer = new Uint8Array(total);
      this.filled = 0;
    }
    if (!this.buffer || total !== this.buffer.length || offset !== this.filled || offset + bytes.length > total || bytes.length === 0) {
      return this.reset('chunk out of order');
    }
    this.buffer.set(bytes, offset);
    this.filled += bytes.length;
    if (this.filled < total) return { kind: 'partial' };
    const message = this.buffer;
    this.buffer = null;
    this.filled = 0;
    return { kind: 'message', message };
  }

  private reset(reason: string): FeedResult {
    this.buffer = null;
    this.filled = 0;
    return { kind: 'dropped', reason };
  }
}
