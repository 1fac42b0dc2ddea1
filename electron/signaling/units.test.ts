import { describe, expect, it } from 'vitest';
import { Admission } from './admission';
import { lanAddresses } from './lan-addresses';
import { DEFAULT_SIGNALING_LIMITS, resolveLimits } from './limits';
import { parseClientMessage } from './protocol';
import { TokenBucket } from './token-bucket';
import { TopicRegistry } from './topic-registry';

describe('TokenBucket', () => {
  it('allows a burst, then refills at the configured rate', () => {
    let now = 0;
    const bucket = new TokenBucket(10, 3, () => now);
    expect([bucket.tryTake(), bucket.tryTake(), bucket.tryTake(), bucket.tryTake()]).toEqual([true, true, true, false]);
    now = 100; // 10/s → one token
    expect([bucket.tryTake(), bucket.tryTake()]).toEqual([true, false]);
    expect(bucket.isFull()).toBe(false);
    now = 10_000;
    expect(bucket.isFull()).toBe(true);
    expect([bucket.tryTake(), bucket.tryTake(), bucket.tryTake(), bucket.tryTake()]).toEqual([true, true, true, false]);
  });

  it('does not mint tokens when the clock goes backwards', () => {
    let now = 1000;
    const bucket = new TokenBucket(10, 1, () => now);
    expect(bucket.tryTake()).toBe(true);
    now = 0;
    expect(bucket.tryTake()).toBe(false);
  });
});

describe('parseClientMessage', () => {
  it('accepts the four y-webrtc message types', () => {
    expect(parseClientMessage('{"type":"ping"}', 8)).toEqual({ type: 'ping' });
    expect(parseClientMessage('{"type":"subscribe","topics":["a","b"]}', 8)).toEqual({ type: 'subscribe', topics: ['a', 'b'], invalidTopics: 0 });
    expect(parseClientMessage('{"type":"unsubscribe","topics":[]}', 8)).toEqual({ type: 'unsubscribe', topics: [], invalidTopics: 0 });
    expect(parseClientMessage('{"type":"publish","topic":"a","data":{"x":1}}', 8)).toEqual({
      type: 'publish',
      topic: 'a',
      message: { type: 'publish', topic: 'a', data: { x: 1 } },
    });
  });

  it('filters bad topics one by one and counts them', () => {
    expect(parseClientMessage('{"type":"subscribe","topics":["ok",1,null,"waytoolong"]}', 8)).toEqual({
      type: 'subscribe',
      topics: ['ok'],
      invalidTopics: 3,
    });
  });

  it.each([
    'garbage',
    'null',
    '[]',
    '{"type":"subscribe","topics":"a"}',
    '{"type":"subscribe"}',
    '{"type":"publish"}',
    '{"type":"publish","topic":["a"]}',
    '{"type":"publish","topic":"waytoolong"}',
    '{"type":"pong"}',
  ])('rejects %s', (text) => {
    expect(parseClientMessage(text, 8)).toBeNull();
  });
});

describe('TopicRegistry', () => {
  it('indexes both ways and enforces the per-subscriber cap', () => {
    const registry = new TopicRegistry<string>();
    expect(registry.subscribe('alice', 'a', 2)).toBe(true);
    expect(registry.subscribe('alice', 'b', 2)).toBe(true);
    expect(registry.subscribe('alice', 'c', 2)).toBe(false);
    expect(registry.subscribe('alice', 'a', 2)).toBe(true);
    expect(registry.subscribe('bob', 'a', 2)).toBe(true);
    expect([...(registry.subscribers('a') ?? [])]).toEqual(['alice', 'bob']);
    registry.removeSubscriber('alice');
    expect(registry.topicCount).toBe(1);
    expect(registry.subscribe('alice', 'c', 2)).toBe(true);
    registry.unsubscribe('bob', 'a');
    expect(registry.subscribers('a')).toBeUndefined();
  });
});

describe('Admission', () => {
  it('caps totals and per-address counts, and release is idempotent', () => {
    const admission = new Admission(3, 2);
    const a1 = admission.tryAcquire('a');
    expect(a1).not.toBeNull();
    expect(admission.tryAcquire('a')).not.toBeNull();
    expect(admission.tryAcquire('a')).toBeNull();
    expect(admission.tryAcquire('b')).not.toBeNull();
    expect(admission.tryAcquire('c')).toBeNull();
    a1?.();
    a1?.();
    expect(admission.tryAcquire('c')).not.toBeNull();
    expect(admission.tryAcquire('d')).toBeNull();
  });
});

describe('resolveLimits', () => {
  it('merges overrides and validates them', () => {
    expect(resolveLimits({ maxTopicLength: 10 })).toEqual({ ...DEFAULT_SIGNALING_LIMITS, maxTopicLength: 10 });
    expect(resolveLimits({ messagesPerSecond: 0 }).messagesPerSecond).toBe(0);
    expect(() => resolveLimits({ messageBurst: 0 })).toThrow(RangeError);
    expect(() => resolveLimits({ maxConnections: -1 })).toThrow(RangeError);
    expect(() => resolveLimits({ pingIntervalMs: Infinity })).toThrow(RangeError);
    expect(() => resolveLimits({ pingIntervalMs: 2 ** 31 })).toThrow(RangeError);
  });
});

describe('lanAddresses', () => {
  it('lists non-internal IPv4 addresses only', () => {
    const info = { netmask: '', mac: '00:00:00:00:00:00', cidr: null };
    expect(
      lanAddresses({
        lo: [{ ...info, address: '127.0.0.1', family: 'IPv4', internal: true }],
        eth0: [
          { ...info, address: '192.168.1.20', family: 'IPv4', internal: false },
          { ...info, address: 'fe80::1', family: 'IPv6', internal: false, scopeid: 2 },
        ],
        wlan0: undefined,
      }),
    ).toEqual(['192.168.1.20']);
  });
});
