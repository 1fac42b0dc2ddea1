import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SIGNALING_LIMITS, startSignalingServer } from './signaling-server';
import type { SignalingLimits, SignalingServer } from './signaling-server';
import { TestClient, waitUntil } from './test-client';
import type { Json } from './test-client';

const servers: SignalingServer[] = [];
const clients: TestClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.ws.terminate();
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const start = async (limits?: Partial<SignalingLimits>): Promise<SignalingServer> => {
  const server = await startSignalingServer({ host: '127.0.0.1', port: 0, limits });
  servers.push(server);
  return server;
};

const connect = async (server: SignalingServer, autoPong = true): Promise<TestClient> => {
  const client = await TestClient.connect(server.url, { autoPong });
  clients.push(client);
  return client;
};

const subscribe = async (client: TestClient, ...topics: string[]): Promise<void> => {
  client.send({ type: 'subscribe', topics });
  await client.sync();
};

const isPublish = (topic: string) => (m: Json) => m.type === 'publish' && m.topic === topic;

describe('signaling protocol', () => {
  it('delivers a publish to every subscriber of the topic, the sender included, with the receiver count', async () => {
    const server = await start();
    const [alice, bob, carol] = [await connect(server), await connect(server), await connect(server)];
    await subscribe(alice, 'room-a');
    await subscribe(bob, 'room-a');
    await subscribe(carol, 'room-b');

    alice.send({ type: 'publish', topic: 'room-a', data: { hello: 'world' } });

    const expected = { type: 'publish', topic: 'room-a', data: { hello: 'world' }, clients: 2 };
    expect(await bob.take(isPublish('room-a'))).toEqual(expected);
    expect(await alice.take(isPublish('room-a'))).toEqual(expected);
    await carol.sync();
    expect(carol.publishes()).toEqual([]);
    expect(server.stats()).toMatchObject({ connections: 3, topics: 2, dropped: 0 });
  });

  it('stops delivering after unsubscribe and forgets empty topics', async () => {
    const server = await start();
    const [alice, bob] = [await connect(server), await connect(server)];
    await subscribe(alice, 'room');
    await subscribe(bob, 'room');

    bob.send({ type: 'unsubscribe', topics: ['room'] });
    await bob.sync();
    alice.send({ type: 'publish', topic: 'room', data: 1 });
    expect(await alice.take(isPublish('room'))).toMatchObject({ clients: 1 });
    await bob.sync();
    expect(bob.publishes()).toEqual([]);

    alice.send({ type: 'unsubscribe', topics: ['room', 'never-subscribed'] });
    await alice.sync();
    expect(server.stats()).toMatchObject({ topics: 0, dropped: 0 });
  });

  it('answers ping with pong', async () => {
    const server = await start();
    const client = await connect(server);
    client.send({ type: 'ping' });
    expect(await client.take()).toEqual({ type: 'pong' });
  });

  it('removes a closed connection from its topics', async () => {
    const server = await start();
    const [alice, bob] = [await connect(server), await connect(server)];
    await subscribe(alice, 'room');
    await subscribe(bob, 'room', 'bob-only');
    await bob.close();
    await waitUntil(() => server.stats().connections === 1, 'bob to be gone');
    expect(server.stats().topics).toBe(1);
    alice.send({ type: 'publish', topic: 'room', data: 1 });
    expect(await alice.take(isPublish('room'))).toMatchObject({ clients: 1 });
  });

  it('terminates connections that stop answering WebSocket pings', async () => {
    const server = await start({ pingIntervalMs: 100 });
    const live = await connect(server);
    const dead = await connect(server, false);
    await subscribe(dead, 'room');

    expect((await dead.waitClosed()).code).toBe(1006);
    await waitUntil(() => server.stats().connections === 1, 'the dead connection to be removed');
    expect(server.stats().topics).toBe(0);
    expect(live.ws.readyState).toBe(live.ws.OPEN);
    await live.sync();
  });
});

describe('limits', () => {
  it('exports sane defaults', () => {
    expect(DEFAULT_SIGNALING_LIMITS).toMatchObject({
      maxMessageBytes: 64 * 1024,
      maxTopicsPerConnection: 64,
      maxTopicLength: 256,
      maxConnections: 512,
      pingIntervalMs: 30_000,
    });
    expect(Object.isFrozen(DEFAULT_SIGNALING_LIMITS)).toBe(true);
  });

  it('rejects limits that would disable protection', async () => {
    await expect(startSignalingServer({ port: 0, limits: { maxMessageBytes: 0 } })).rejects.toThrow(RangeError);
    await expect(startSignalingServer({ port: 0, limits: { maxConnections: Number.NaN } })).rejects.toThrow(RangeError);
  });

  it('closes a connection sending an oversized message with 1009 and keeps serving others', async () => {
    const server = await start({ maxMessageBytes: 1024 });
    const other = await connect(server);
    const big = await connect(server);
    big.send({ type: 'publish', topic: 'room', data: 'x'.repeat(2000) });
    expect((await big.waitClosed()).code).toBe(1009);
    await other.sync();
    await (await connect(server)).sync();
  });

  it('drops messages beyond the token bucket while other connections keep their own budget', async () => {
    // A zero refill rate makes the budget exactly the burst, independent of timing.
    const server = await start({ messagesPerSecond: 0, messageBurst: 10, floodDropsBeforeClose: 1000 });
    const flooder = await connect(server);
    const listener = await connect(server);
    await subscribe(listener, 'room'); // 2 of the listener's 10 tokens

    flooder.send({ type: 'subscribe', topics: ['room'] }); // 1 of the flooder's 10 tokens
    for (let i = 0; i < 20; i += 1) flooder.send({ type: 'publish', topic: 'room', data: i });
    await waitUntil(() => server.stats().dropped === 11, '11 publishes to be dropped');

    await listener.sync();
    expect(listener.publishes().map((m) => m.data)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(flooder.ws.readyState).toBe(flooder.ws.OPEN);
  });

  it('closes a connection that keeps flooding with 1008 while other clients keep working', async () => {
    const server = await start({ messagesPerSecond: 0, messageBurst: 5, floodDropsBeforeClose: 20 });
    const flooder = await connect(server);
    const alice = await connect(server);
    const bob = await connect(server);
    for (let i = 0; i < 200; i += 1) flooder.send({ type: 'ping' });

    expect(await flooder.waitClosed()).toEqual({ code: 1008, reason: 'message rate limit exceeded' });
    await subscribe(alice, 'room');
    await subscribe(bob, 'room');
    alice.send({ type: 'publish', topic: 'room', data: 'still here' });
    expect(await bob.take(isPublish('room'))).toMatchObject({ data: 'still here', clients: 2 });
    expect(server.stats().connections).toBe(2);
  });

  it('drops forwards to a receiver that stopped reading instead of buffering without bound', async () => {
    const server = await start({ maxBufferedBytes: 64 * 1024, messageBurst: 1000 });
    const stalled = await connect(server);
    const publisher = await connect(server);
    await subscribe(stalled, 'room');
    stalled.ws.pause();

    // 24 MiB is more than loopback socket buffers hold, so the server's send queue must back up.
    const total = 400;
    const payload = 'x'.repeat(60 * 1024);
    for (let i = 0; i < total; i += 1) publisher.send({ type: 'publish', topic: 'room', data: payload });
    await publisher.sync();
    expect(server.stats().dropped).toBeGreaterThan(0);

    stalled.ws.resume();
    await stalled.sync();
    expect(stalled.publishes().length + server.stats().dropped).toBe(total);
  });

  it('ignores subscriptions beyond the per-connection topic cap', async () => {
    const server = await start({ maxTopicsPerConnection: 3 });
    const alice = await connect(server);
    const bob = await connect(server);
    await subscribe(alice, 't1', 't2', 't3', 't4', 't5');
    expect(server.stats()).toMatchObject({ topics: 3, dropped: 1 });

    await subscribe(alice, 't1'); // already subscribed: not a new topic, not dropped
    expect(server.stats().dropped).toBe(1);

    await subscribe(bob, 't1', 't4');
    bob.send({ type: 'publish', topic: 't4', data: 4 });
    bob.send({ type: 'publish', topic: 't1', data: 1 });
    expect(await alice.take(isPublish('t1'))).toMatchObject({ data: 1, clients: 2 });
    expect(alice.publishes('t4')).toEqual([]);

    alice.send({ type: 'unsubscribe', topics: ['t1'] });
    await subscribe(alice, 't4');
    bob.send({ type: 'publish', topic: 't4', data: 'now' });
    expect(await alice.take(isPublish('t4'))).toMatchObject({ data: 'now', clients: 2 });
  });

  it('ignores topics longer than the cap', async () => {
    const server = await start();
    const alice = await connect(server);
    const long = 'x'.repeat(DEFAULT_SIGNALING_LIMITS.maxTopicLength + 1);
    const longest = 'y'.repeat(DEFAULT_SIGNALING_LIMITS.maxTopicLength);
    await subscribe(alice, long, longest);
    expect(server.stats()).toMatchObject({ topics: 1, dropped: 1 });

    alice.send({ type: 'publish', topic: long, data: 1 });
    alice.send({ type: 'publish', topic: longest, data: 2 });
    expect(await alice.take((m) => m.type === 'publish')).toMatchObject({ topic: longest, data: 2 });
    expect(server.stats().dropped).toBe(2);
  });

  it('refuses connections beyond the total cap with HTTP 503 and frees the slot on close', async () => {
    const server = await start({ maxConnections: 3 });
    const first = await connect(server);
    await connect(server);
    await connect(server);
    expect(await TestClient.refusedStatus(server.url)).toBe(503);
    expect(server.stats()).toMatchObject({ connections: 3, rejectedConnections: 1 });

    await first.close();
    await waitUntil(() => server.stats().connections === 2, 'the slot to be released');
    await (await connect(server)).sync();
  });

  it('refuses connections beyond the per-address cap when every one of them is in a room', async () => {
    const server = await start({ maxConnectionsPerAddress: 2, idleEvictAfterMs: 1 });
    for (let i = 0; i < 2; i++) {
      const c = await connect(server);
      c.send({ type: 'subscribe', topics: [`room-${i}`] });
      await c.sync();
    }
    expect(await TestClient.refusedStatus(server.url)).toBe(503);
    expect(server.stats().rejectedConnections).toBe(1);
  });

  it('at the per-address cap, closes that address’s oldest connection in no room, so idle sockets cannot lock the address out', async () => {
    const server = await start({ maxConnectionsPerAddress: 3, idleEvictAfterMs: 1 });
    const idle = [await connect(server), await connect(server), await connect(server)];
    for (const c of idle) await c.sync();
    await new Promise((r) => setTimeout(r, 20));
    const newcomer = await connect(server);
    newcomer.send({ type: 'subscribe', topics: ['incident'] });
    await newcomer.sync();
    expect((await idle[0]!.closed).code).toBeGreaterThan(0);
    expect(server.stats()).toMatchObject({ connections: 3, rejectedConnections: 0 });
  });

  it('tells a connection that asks for more rooms than it may join, instead of ignoring it', async () => {
    const server = await start({ maxTopicsPerConnection: 2 });
    const c = await connect(server);
    c.send({ type: 'subscribe', topics: ['a', 'b', 'c'] });
    const error = await c.take((m) => m.type === 'error');
    expect(error).toMatchObject({ type: 'error', topic: 'c', reason: expect.stringMatching(/already in 2 rooms/) });
  });
});

describe('garbage input', () => {
  const garbage: (string | Buffer)[] = [
    'not json',
    '',
    '{',
    'null',
    '42',
    '"a string"',
    'true',
    '[]',
    '[{"type":"ping"}]',
    '{}',
    '{"type":"publish"}',
    '{"type":"publish","topic":5,"data":1}',
    '{"type":"publish","topic":null}',
    '{"type":"publish","topic":{"toString":"x"}}',
    '{"type":"subscribe"}',
    '{"type":"subscribe","topics":"room"}',
    '{"type":"subscribe","topics":{"0":"room","length":1}}',
    '{"type":"subscribe","topics":[1,null,{},[],true]}',
    '{"type":"unsubscribe","topics":null}',
    '{"type":"unsubscribe","topics":[42]}',
    '{"type":42}',
    '{"type":"nonsense"}',
    '{"type":["ping"]}',
    '{"__proto__":{"type":"ping"}}',
    `{"type":"subscribe","topics":[${new Array(20_000).fill('1').join(',')}]}`,
    `${'['.repeat(20_000)}${']'.repeat(20_000)}`,
    Buffer.from(JSON.stringify({ type: 'ping' })),
    Buffer.from([0xde, 0xad, 0xbe, 0xef]),
  ];

  it('drops and counts every malformed message without closing the connection or crashing', async () => {
    const server = await start();
    const vandal = await connect(server);
    const peer = await connect(server);
    await subscribe(peer, 'room');

    for (const message of garbage) vandal.sendRaw(message, typeof message !== 'string');
    await vandal.sync();

    expect(server.stats().dropped).toBe(garbage.length);
    expect(vandal.received).toEqual([{ type: 'pong' }]);
    await peer.sync();
    expect(peer.publishes()).toEqual([]);
    const fresh = await connect(server);
    await subscribe(fresh, 'room');
    fresh.send({ type: 'publish', topic: 'room', data: 'ok' });
    expect(await peer.take(isPublish('room'))).toMatchObject({ data: 'ok', clients: 2 });
  });

  it('keeps the valid topics of a partly malformed subscribe', async () => {
    const server = await start();
    const alice = await connect(server);
    await subscribe(alice, 1 as unknown as string, 'room');
    expect(server.stats()).toMatchObject({ topics: 1, dropped: 1 });
  });

  it('survives a text frame with invalid UTF-8 (ws closes it with 1007)', async () => {
    const server = await start();
    const vandal = await connect(server);
    vandal.sendRaw(Buffer.from([0xff, 0xfe, 0xfd]), false);
    expect((await vandal.waitClosed()).code).toBe(1007);
    await (await connect(server)).sync();
  });
});

describe('scale', () => {
  it('routes correctly with 50 clients × 20 topics', async () => {
    const server = await start();
    const clientCount = 50;
    const topicsPerClient = 20;
    const topicPool = 100;
    const topicsOf = (i: number): string[] =>
      Array.from({ length: topicsPerClient }, (_, k) => `topic-${(i * 7 + k * 3) % topicPool}`);
    const peers = await Promise.all(Array.from({ length: clientCount }, () => connect(server)));
    await Promise.all(peers.map((peer, i) => subscribe(peer, ...topicsOf(i))));

    const subscribersOf = new Map<string, number[]>();
    peers.forEach((_peer, i) => {
      for (const topic of topicsOf(i)) subscribersOf.set(topic, [...(subscribersOf.get(topic) ?? []), i]);
    });
    expect(server.stats().topics).toBe(subscribersOf.size);

    await Promise.all(
      peers.map((peer, i) => {
        for (const topic of topicsOf(i)) peer.send({ type: 'publish', topic, data: { from: i } });
        return peer.sync();
      }),
    );
    await Promise.all(peers.map((peer) => peer.sync()));

    peers.forEach((peer, j) => {
      const got = peer.publishes().map((m) => `${String(m.topic)}<-${String((m.data as Json).from)}#${String(m.clients)}`);
      const want = topicsOf(j).flatMap((topic) => {
        const subscribers = subscribersOf.get(topic) ?? [];
        return subscribers.map((i) => `${topic}<-${i}#${subscribers.length}`);
      });
      expect(got.sort()).toEqual(want.sort());
    });
    expect(server.stats().dropped).toBe(0);
  });
});

describe('lifecycle', () => {
  it('close() disconnects clients with 1001 and frees the port', async () => {
    const server = await startSignalingServer({ host: '127.0.0.1', port: 0 });
    const alice = await TestClient.connect(server.url);
    const bob = await TestClient.connect(server.url);
    await subscribe(alice, 'room');

    await server.close();
    expect((await alice.waitClosed()).code).toBe(1001);
    expect((await bob.waitClosed()).code).toBe(1001);
    expect(server.stats()).toMatchObject({ connections: 0, topics: 0 });
    await server.close(); // idempotent

    const again = await startSignalingServer({ host: '127.0.0.1', port: server.port });
    servers.push(again);
    expect(again.port).toBe(server.port);
  });

  it('reports the bound address in url, host and port', async () => {
    const server = await start();
    expect(server.host).toBe('127.0.0.1');
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`ws://127.0.0.1:${server.port}`);
  });
});
