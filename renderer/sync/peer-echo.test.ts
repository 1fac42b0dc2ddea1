import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { WebrtcProvider } from 'y-webrtc';
import { deferPeerEchoes, type EchoingRoom } from './peer-echo';

const roomOn = (doc: Y.Doc) => {
  const sent: { origin: unknown; at: 'sync' | 'later' }[] = [];
  let phase: 'sync' | 'later' = 'sync';
  const room: EchoingRoom = { doc, _docUpdateHandler: (_u, origin) => sent.push({ origin, at: phase }) };
  doc.on('update', room._docUpdateHandler);
  return { room, sent, later: () => (phase = 'later') };
};

describe('deferPeerEchoes', () => {
  it('sends local edits at once and passes peers’ updates on at the next task, each once', async () => {
    const doc = new Y.Doc();
    const { room, sent, later } = roomOn(doc);
    deferPeerEchoes(room, true);
    doc.transact(() => doc.getMap('m').set('a', 1), 'local');
    const peer = new Y.Doc();
    peer.getMap('m').set('b', 2);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer), room);
    later();
    expect(sent).toEqual([{ origin: 'local', at: 'sync' }]);
    await new Promise((r) => setTimeout(r, 5));
    expect(sent).toEqual([
      { origin: 'local', at: 'sync' },
      { origin: room, at: 'later' },
    ]);
  });

  it('stays the handler of a real y-webrtc room across disconnect and connect', async () => {
    const doc = new Y.Doc();
    const provider = new WebrtcProvider(`echo-test-${Math.random()}`, doc, { signaling: [] });
    try {
      await provider.key;
      const room = provider.room as unknown as EchoingRoom;
      const original = room._docUpdateHandler;
      const handlers = () => [...((doc as unknown as { _observers: Map<string, Set<unknown>> })._observers.get('update') ?? [])];
      expect(handlers()).toContain(original);
      deferPeerEchoes(room, provider.shouldConnect);
      expect(handlers()).not.toContain(original);
      expect(handlers()).toContain(room._docUpdateHandler);
      provider.disconnect();
      expect(handlers()).not.toContain(room._docUpdateHandler);
      provider.connect();
      expect(handlers().filter((h) => h === room._docUpdateHandler)).toHaveLength(1);
      expect(handlers()).not.toContain(original);
    } finally {
      provider.destroy();
    }
  });
});
