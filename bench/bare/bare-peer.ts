/*
 * The benchmark's baseline: plain Yjs over y-webrtc with the same options the
 * app uses (password, no ICE servers), and nothing else. The app's latency is
 * reported as a ratio to this page's, measured in the same run. Its screen
 * figure (a bare list item per entry) shows what the wait for the next frame
 * costs any page, however little it renders.
 */
import * as Y from 'yjs';
import { WebrtcProvider } from 'y-webrtc';

const q = new URLSearchParams(location.search);
const doc = new Y.Doc();
const entries = doc.getArray<Y.Map<unknown>>('timeline');
const provider = new WebrtcProvider(q.get('room') ?? 'bench', doc, {
  signaling: [q.get('signal') ?? 'ws://127.0.0.1:4444'],
  password: q.get('password') ?? 'bench',
  peerOpts: { config: { iceServers: [] } },
});

// The least a page can do to show an entry: one list item per new entry, no framework.
const list = document.body.appendChild(document.createElement('ul'));
entries.observe((event) => {
  for (const item of event.changes.added) {
    for (const m of item.content.getContent()) {
      if (m instanceof Y.Map) list.appendChild(document.createElement('li')).textContent = String(m.get('text'));
    }
  }
});

const now = () => performance.timeOrigin + performance.now();
const has = (text: string) => entries.toArray().some((m) => m.get('text') === text);

Object.assign(window, {
  // For tests of what a peer that is not Warroom can do to a document: the raw Y.Doc and Yjs.
  bareDoc: doc,
  Y,
  bare: {
    /**
     * The offline-merge baseline: two documents that each got `n` entries apart
     * (one transaction per entry, as typed) exchange their differences; ms of
     * the exchange, plain Yjs in this page, no network, no storage.
     */
    mergeBaseline(n: number): number {
      const [a, b] = [new Y.Doc(), new Y.Doc()];
      for (const [d, who] of [[a, 'a'], [b, 'b']] as const) {
        const arr = d.getArray<Y.Map<unknown>>('timeline');
        for (let i = 0; i < n; i++) {
          d.transact(() => {
            const m = new Y.Map<unknown>();
            m.set('id', `${who}-${i}`);
            m.set('text', `${who} offline ${i}`);
            m.set('at', i);
            arr.insert(arr.length, [m]);
          });
        }
      }
      const t0 = performance.now();
      const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
      const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
      Y.applyUpdate(b, toB);
      Y.applyUpdate(a, toA);
      return performance.now() - t0;
    },
    /** Returns the send time, taken just before the transaction. */
    add(text: string): number {
      const t0 = now();
      doc.transact(() => {
        const m = new Y.Map<unknown>();
        m.set('text', text);
        m.set('at', t0);
        entries.insert(entries.length, [m]);
      });
      return t0;
    },
    arrival(text: string): Promise<number> {
      if (has(text)) return Promise.resolve(now());
      return new Promise((resolve) => {
        const check = () => {
          if (!has(text)) return;
          doc.off('afterTransaction', check);
          resolve(now());
        };
        doc.on('afterTransaction', check);
      });
    },
    /** Bytes of document state this page holds (2: an empty document). */
    stateBytes(): number {
      return Y.encodeStateAsUpdate(doc).length;
    },
    connections(): { webrtc: number; bc: number } {
      const room = (provider as unknown as { room: { webrtcConns: Map<string, unknown>; bcConns: Set<string> } | null }).room;
      return { webrtc: room?.webrtcConns.size ?? 0, bc: room?.bcConns.size ?? 0 };
    },
  },
});
