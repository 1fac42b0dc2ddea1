/**
 * Drives the server with y-webrtc's own client code (WebrtcProvider → SignalingConn →
 * lib0/websocket) instead of hand-written messages. Node has no WebRTC, so simple-peer
 * gets a stub RTCPeerConnection that produces canned SDP; that is enough for y-webrtc
 * to run its real announce → offer → answer signaling over our server.
 */
import { WebSocket } from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebrtcProvider } from 'y-webrtc';
import * as Y from 'yjs';
import { startSignalingServer } from './signaling-server';
import type { SignalingServer } from './signaling-server';
import { TestClient, waitUntil } from './test-client';
import type { Json } from './test-client';

const FAKE_OFFER_SDP = 'v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=fake-offer\r\n';
const FAKE_ANSWER_SDP = 'v=0\r\no=- 2 2 IN IP4 127.0.0.1\r\ns=fake-answer\r\n';

interface Description {
  type: string;
  sdp: string;
}

/** Just the surface simple-peer touches while negotiating; nothing ever connects. */
class StubPeerConnection {
  localDescription: Description | null = null;
  remoteDescription: Description | null = null;
  createDataChannel(label: string): object {
    return { label, readyState: 'connecting', send: () => {}, close: () => {} };
  }
  createOffer(): Promise<Description> {
    return Promise.resolve({ type: 'offer', sdp: FAKE_OFFER_SDP });
  }
  createAnswer(): Promise<Description> {
    return Promise.resolve({ type: 'answer', sdp: FAKE_ANSWER_SDP });
  }
  setLocalDescription(description: Description): Promise<void> {
    this.localDescription = description;
    return Promise.resolve();
  }
  setRemoteDescription(description: Description): Promise<void> {
    this.remoteDescription = description;
    return Promise.resolve();
  }
  addIceCandidate(): Promise<void> {
    return Promise.resolve();
  }
  close(): void {}
}

class StubSessionDescription {
  constructor(init: Description) {
    Object.assign(this, init);
  }
}

const stubWrtc = { RTCPeerConnection: StubPeerConnection, RTCSessionDescription: StubSessionDescription, RTCIceCandidate: StubSessionDescription };

const hadWebSocket = 'WebSocket' in globalThis;
const originalWebSocket: unknown = Reflect.get(globalThis, 'WebSocket');

beforeAll(() => {
  // lib0/websocket, which y-webrtc's SignalingConn extends, uses the global browser WebSocket.
  Reflect.set(globalThis, 'WebSocket', WebSocket);
});

afterAll(() => {
  if (hadWebSocket) Reflect.set(globalThis, 'WebSocket', originalWebSocket);
  else Reflect.deleteProperty(globalThis, 'WebSocket');
});

let server: SignalingServer;
const cleanups: (() => void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
  await server.close();
});

const startProvider = (room: string, password?: string): WebrtcProvider => {
  const doc = new Y.Doc();
  const provider = new WebrtcProvider(room, doc, { signaling: [server.url], peerOpts: { wrtc: stubWrtc }, ...(password ? { password } : {}) });
  cleanups.push(() => {
    // disconnect() is what closes the shared signaling socket; destroy() alone leaves it reconnecting forever.
    provider.disconnect();
    provider.awareness.destroy();
    doc.destroy();
  });
  return provider;
};

const observe = async (room: string): Promise<TestClient> => {
  const observer = await TestClient.connect(server.url);
  cleanups.push(() => observer.ws.terminate());
  observer.send({ type: 'subscribe', topics: [room] });
  await observer.sync();
  return observer;
};

const signalOfType = (type: string, to: string) => (m: Json): boolean => {
  const data = m.data as Json | undefined;
  return m.type === 'publish' && data?.type === 'signal' && data.to === to && (data.signal as Json | undefined)?.type === type;
};

describe('y-webrtc client compatibility', () => {
  it('carries the announce → offer and offer → answer exchanges of real WebrtcProviders', async () => {
    server = await startSignalingServer({ host: '127.0.0.1', port: 0 });
    const room = 'warroom-compat-plain';
    const observer = await observe(room);
    startProvider(room);

    const announce = await observer.take((m) => m.type === 'publish' && (m.data as Json | undefined)?.type === 'announce');
    expect(announce).toMatchObject({ type: 'publish', topic: room, clients: 2, data: { type: 'announce' } });
    const providerPeerId = (announce.data as Json).from;
    expect(typeof providerPeerId).toBe('string');

    // Our announce makes the provider the initiator: it must answer with an offer addressed to us.
    observer.send({ type: 'publish', topic: room, data: { type: 'announce', from: 'observer-peer' } });
    const offer = await observer.take(signalOfType('offer', 'observer-peer'));
    expect(offer).toMatchObject({
      topic: room,
      clients: 2,
      data: { type: 'signal', from: providerPeerId, to: 'observer-peer', signal: { type: 'offer', sdp: FAKE_OFFER_SDP } },
    });
    expect(typeof (offer.data as Json).token).toBe('number');

    // An offer from a peer it does not know yet makes the provider answer.
    observer.send({
      type: 'publish',
      topic: room,
      data: { type: 'signal', from: 'second-peer', to: providerPeerId, token: 1, signal: { type: 'offer', sdp: FAKE_OFFER_SDP } },
    });
    const answer = await observer.take(signalOfType('answer', 'second-peer'));
    expect(answer).toMatchObject({ data: { from: providerPeerId, signal: { type: 'answer', sdp: FAKE_ANSWER_SDP } } });

    expect(server.stats()).toMatchObject({ connections: 2, topics: 1, dropped: 0 });
  });

  it('forwards password-encrypted signaling (a base64 string payload) untouched', async () => {
    server = await startSignalingServer({ host: '127.0.0.1', port: 0 });
    const room = 'warroom-compat-encrypted';
    const observer = await observe(room);
    startProvider(room, 'correct horse battery staple');

    const announce = await observer.take((m) => m.type === 'publish');
    expect(announce).toMatchObject({ type: 'publish', topic: room, clients: 2 });
    expect(announce.data).toMatch(/^[A-Za-z0-9+/]+=*$/);
  });

  it('lets the provider leave: its unsubscribe and close free the topic', async () => {
    server = await startSignalingServer({ host: '127.0.0.1', port: 0 });
    const room = 'warroom-compat-leave';
    const observer = await observe(room);
    const provider = startProvider(room);
    await observer.take((m) => m.type === 'publish');

    provider.disconnect();
    await waitUntil(() => server.stats().connections === 1, 'the provider to disconnect');
    observer.send({ type: 'publish', topic: room, data: { type: 'announce', from: 'observer-peer' } });
    expect(await observer.take((m) => m.type === 'publish')).toMatchObject({ clients: 1 });
  });
});
