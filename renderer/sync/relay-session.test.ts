import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { RelaySession } from './relay-session';

/*
 * The session's own logic, without a relay (the relay itself is tested in
 * electron/relay; the app against real relay nodes in test/e2e): moving on to
 * the next node when a connection fails, and leaving the incident's awareness
 * alive when it is destroyed. Nothing listens on port 9 of loopback.
 */
beforeAll(() => {
  // Node 20 has no global WebSocket; a browser does.
  (globalThis as { WebSocket?: unknown }).WebSocket ??= class extends WebSocket {
    constructor(...args: ConstructorParameters<typeof WebSocket>) {
      super(...args);
      this.on('error', () => {});
    }
  };
});

const sessions: RelaySession[] = [];
afterEach(() => {
  for (const s of sessions.splice(0)) s.destroy();
});

const session = (urls: string[], awareness = new Awareness(new Y.Doc())) => {
  const s = new RelaySession(awareness.doc, awareness, { urls, docName: 'warroom-relay-00000000000000000000000000000000', token: 'x'.repeat(43) }, 15_000, () => {});
  sessions.push(s);
  return { s, awareness };
};

const until = async (check: () => boolean, what: string) => {
  const deadline = Date.now() + 60_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('relay session', () => {
  it('tries the next node each time a connection attempt fails, round the list', async () => {
    const urls = ['ws://127.0.0.1:9/one', 'ws://127.0.0.1:9/two', 'ws://127.0.0.1:9/three'];
    const { s } = session(urls);
    expect(s.stats()).toMatchObject({ url: urls[0], urls, status: 'connecting', synced: false, switches: 0 });
    const seen = new Set<string>();
    await until(() => {
      seen.add(s.stats().url);
      return s.stats().switches >= 3;
    }, 'three switches');
    expect([...seen].sort()).toEqual([...urls].sort());
  });

  it('with one node, keeps retrying that one', async () => {
    const { s } = session(['ws://127.0.0.1:9']);
    await until(() => s.stats().status === 'disconnected' || s.stats().status === 'connecting', 'an attempt');
    expect(s.stats()).toMatchObject({ url: 'ws://127.0.0.1:9', switches: 0 });
  });

  it('leaves the incident’s awareness alive when destroyed (the WebRTC provider shares it)', () => {
    const { s, awareness } = session(['ws://127.0.0.1:9']);
    awareness.setLocalStateField('user', { name: 'Ada' });
    sessions.splice(sessions.indexOf(s), 1);
    s.destroy();
    expect(awareness.getLocalState()).toEqual({ user: { name: 'Ada' } });
    let heard = 0;
    awareness.on('change', () => (heard += 1));
    awareness.setLocalStateField('user', { name: 'Ada L.' });
    expect(awareness.getLocalState()).toEqual({ user: { name: 'Ada L.' } });
    expect(heard).toBe(1);
  });

  it('after a "relay unavailable" refusal (its database was down) connects again, and after a wrong secret does not', async () => {
    // A stand-in relay that refuses every authentication with the reason it is given.
    const serve = async (reason: string) => {
      const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
      await new Promise((r) => wss.once('listening', r));
      let connections = 0;
      wss.on('connection', (ws) => {
        connections += 1;
        ws.on('message', (data: Buffer) => {
          const d = decoding.createDecoder(new Uint8Array(data));
          const doc = decoding.readVarString(d);
          if (decoding.readVarUint(d) !== 2) return;
          const e = encoding.createEncoder();
          encoding.writeVarString(e, doc);
          encoding.writeVarUint(e, 2);
          encoding.writeVarUint(e, 1);
          encoding.writeVarString(e, reason);
          ws.send(encoding.toUint8Array(e));
        });
      });
      const { port } = wss.address() as { port: number };
      return { url: `ws://127.0.0.1:${port}`, connections: () => connections, close: () => wss.close() };
    };
    const down = await serve('relay-unavailable');
    const a = session([down.url]).s;
    await until(() => a.stats().refused === 'relay-unavailable', 'the first refusal');
    expect(a.stats().retrying).toBe(true);
    await until(() => down.connections() >= 2, 'a second connection');
    const wrong = await serve('wrong-secret');
    const b = session([wrong.url]).s;
    await until(() => b.stats().refused === 'wrong-secret', 'the refusal');
    // Final: nothing is scheduled, and the session stays on its one connection.
    expect(b.stats()).toMatchObject({ retrying: false, status: 'connected' });
    expect(wrong.connections()).toBe(1);
    down.close();
    wrong.close();
  });

  it('refuses to start with no relay address', () => {
    expect(() => session([])).toThrow(/at least one relay address/);
  });
});
