import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';

/*
 * The wiring, not the cipher: y-webrtc's own `import './crypto.js'` must land
 * on room-crypto.ts (vite.config.ts's plugin, also in vitest.config.ts), and in
 * a page without crypto.subtle (plain http on the LAN) y-webrtc must still
 * derive its room key, through the pure-JS path. Crypto is swapped before the
 * modules load, because room-crypto reads crypto.subtle once.
 */

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe("y-webrtc's crypto.js in this build", () => {
  it('is room-crypto.ts, and derives the room key without Web Crypto', async () => {
    const getRandomValues = crypto.getRandomValues.bind(crypto);
    vi.stubGlobal('crypto', { getRandomValues });
    expect(crypto.subtle).toBeUndefined();

    const { WebrtcProvider } = await import('y-webrtc');
    const { PureRoomKey, decryptJson, derivePureKey, encryptJson } = await import('./room-crypto');

    const doc = new Y.Doc();
    const provider = new WebrtcProvider('warroom-0123456789abcdef0123456789abcdef', doc, { signaling: [], password: 'p4ssw0rd-p4ssw0rd-p4ssw0rd' });
    try {
      const key = await provider.key;
      expect(key).toBeInstanceOf(PureRoomKey);
      // The key y-webrtc holds opens what the same password and room seal.
      const other = await derivePureKey('p4ssw0rd-p4ssw0rd-p4ssw0rd', 'warroom-0123456789abcdef0123456789abcdef');
      await expect(decryptJson(await encryptJson({ type: 'announce', from: 'x' }, other), key)).resolves.toEqual({
        type: 'announce',
        from: 'x',
      });
    } finally {
      provider.destroy();
      doc.destroy();
    }
  });
});
