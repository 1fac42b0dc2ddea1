import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CHUNK_MESSAGE, MAX_FRAME, Reassembler, splitMessage } from './chunk-frames';

const bytes = (n: number, seed = 1): Uint8Array => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed) & 0xff);

describe('data-channel chunking', () => {
  it('leaves a message that fits in one frame untouched', () => {
    const m = bytes(MAX_FRAME, 0).map((b) => (b === CHUNK_MESSAGE ? 0 : b));
    m[0] = 0;
    expect(splitMessage(m)).toEqual([m]);
  });

  it('splits a large message into frames no bigger than the limit, and puts it back together', () => {
    const m = bytes(1_200_000);
    const frames = splitMessage(m);
    expect(frames.length).toBeGreaterThan(1_200_000 / MAX_FRAME);
    for (const f of frames) expect(f.length).toBeLessThanOrEqual(MAX_FRAME);
    const r = new Reassembler();
    const results = frames.map((f) => r.feed(f));
    expect(results.slice(0, -1).every((x) => x.kind === 'partial')).toBe(true);
    expect(results.at(-1)).toEqual({ kind: 'message', message: m });
  });

  it('round-trips any sequence of messages of any size through any frame size', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 3000 }), { maxLength: 8 }), fc.integer({ min: 12, max: 1024 }), (messages, maxFrame) => {
        const r = new Reassembler();
        const out: Uint8Array[] = [];
        for (const m of messages) {
          for (const f of splitMessage(m, maxFrame)) {
            expect(f.length).toBeLessThanOrEqual(maxFrame);
            const res = r.feed(f);
            if (res.kind === 'message') out.push(res.message);
            expect(res.kind).not.toBe('dropped');
          }
        }
        expect(out).toEqual(messages);
      }),
    );
  });

  it('a message that happens to start with the chunk tag is chunked, so it is never mistaken for a frame', () => {
    const m = Uint8Array.of(CHUNK_MESSAGE, 1, 2, 3);
    const frames = splitMessage(m);
    expect(frames.length).toBe(1);
    expect(frames[0]).not.toEqual(m);
    expect(new Reassembler().feed(frames[0]!)).toEqual({ kind: 'message', message: m });
  });

  it('drops a message whose frames arrive out of order or interleaved, then recovers', () => {
    const frames = splitMessage(bytes(100), 40);
    const r = new Reassembler();
    expect(r.feed(frames[0]!).kind).toBe('partial');
    expect(r.feed(frames[2]!).kind).toBe('dropped');
    expect(r.feed(Uint8Array.of(0, 1)).kind).toBe('message');
    for (const f of frames.slice(0, -1)) r.feed(f);
    expect(r.feed(frames.at(-1)!)).toEqual({ kind: 'message', message: bytes(100) });
  });

  it('refuses a frame that announces a message over the size limit', () => {
    const r = new Reassembler(1000);
    expect(r.feed(splitMessage(bytes(2000), 500)[0]!).kind).toBe('dropped');
  });
});
