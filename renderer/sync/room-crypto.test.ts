import { afterEach, describe, expect, it, vi } from 'vitest';
import * as decoding from 'lib0/decoding';
import { decrypt, decryptJson, deriveKey, derivePureKey, deriveWebCryptoKey, encrypt, encryptJson, PureRoomKey, type RoomKey } from './room-crypto';

/*
 * Node 20 has Web Crypto, so both paths run here side by side: keys from
 * deriveWebCryptoKey take the Web Crypto path, keys from derivePureKey the
 * @noble path (the one an insecure-context browser uses). y-webrtc's own
 * src/crypto.js is imported straight from node_modules (the test is not inside
 * y-webrtc, so the build's redirect does not apply) to prove byte compatibility.
 */

interface YWebrtcCrypto {
  deriveKey(secret: string, roomName: string): PromiseLike<CryptoKey>;
  encrypt(data: Uint8Array, key: CryptoKey | null): PromiseLike<Uint8Array>;
  encryptJson(data: unknown, key: CryptoKey | null): PromiseLike<Uint8Array>;
  decrypt(data: Uint8Array, key: CryptoKey | null): PromiseLike<Uint8Array>;
  decryptJson(data: Uint8Array, key: CryptoKey | null): PromiseLike<unknown>;
}
// A variable specifier: y-webrtc's package exports do not expose src/crypto.js, and it ships no types for it.
const ORIGINAL = '../../node_modules/y-webrtc/src/crypto.js';
const original = (await import(/* @vite-ignore */ ORIGINAL)) as YWebrtcCrypto;

const SECRET = 'q1cmmB6T0jFjJ0mHcYVIrd9sJk0wIP7R5QyX2r1DbFk';
const ROOM = 'warroom-0123456789abcdef0123456789abcdef';
const subtle = globalThis.crypto.subtle;

// PBKDF2 with 100 000 iterations takes a moment in pure JS: derive each key once.
const webKey = await deriveWebCryptoKey(subtle, SECRET, ROOM);
const pureKey = await derivePureKey(SECRET, ROOM);
const originalKey = await original.deriveKey(SECRET, ROOM);
const paths: [string, RoomKey][] = [
  ['Web Crypto', webKey],
  ['pure JS', pureKey],
];

const bytes = (text: string) => new TextEncoder().encode(text);
const signal = { type: 'signal', from: 'peer-a', to: 'peer-b', signal: { type: 'offer', sdp: 'v=0\r\no=- 1 2 IN IP4 127.0.0.1' } };

afterEach(() => vi.restoreAllMocks());

describe('room-crypto key derivation', () => {
  it('derives the same AES-256 key as y-webrtc on the pure-JS path', async () => {
    const raw = new Uint8Array(await subtle.exportKey('raw', originalKey));
    expect(raw).toHaveLength(32);
    expect(pureKey.bytes).toEqual(raw);
  });

  it('uses Web Crypto where it exists, so the pure-JS path is only a fallback', async () => {
    expect(await deriveKey(SECRET, ROOM)).not.toBeInstanceOf(PureRoomKey);
  });
});

describe('room-crypto interoperability', () => {
  for (const [fromName, from] of paths) {
    for (const [toName, to] of paths) {
      it(`${fromName} encrypts, ${toName} decrypts`, async () => {
        const message = bytes('sync step 2: the whole incident');
        await expect(decrypt(await encrypt(message, from), to)).resolves.toEqual(message);
        await expect(decryptJson(await encryptJson(signal, from), to)).resolves.toEqual(signal);
      });
    }

    it(`${fromName} reads what y-webrtc's crypto.js wrote, and y-webrtc reads what it wrote`, async () => {
      await expect(decryptJson(await original.encryptJson(signal, originalKey), from)).resolves.toEqual(signal);
      await expect(original.decryptJson(await encryptJson(signal, from), originalKey)).resolves.toEqual(signal);
    });
  }

  it('writes the very bytes y-webrtc writes, on both paths, given the same IV', async () => {
    const iv = Uint8Array.from({ length: 12 }, (_, i) => i * 7 + 1);
    vi.spyOn(crypto, 'getRandomValues').mockImplementation(<T extends ArrayBufferView | null>(array: T): T => {
      (array as unknown as Uint8Array).set(iv);
      return array;
    });
    const expected = await original.encryptJson(signal, originalKey);
    expect(await encryptJson(signal, webKey)).toEqual(expected);
    expect(await encryptJson(signal, pureKey)).toEqual(expected);

    // The layout: varString 'AES-GCM', varUint8Array iv, varUint8Array ciphertext ‖ 16-byte tag.
    const decoder = decoding.createDecoder(expected);
    expect(decoding.readVarString(decoder)).toBe('AES-GCM');
    expect(decoding.readVarUint8Array(decoder)).toEqual(iv);
    decoding.readVarUint8Array(decoder);
    expect(decoding.hasContent(decoder)).toBe(false);
  });

  it('draws a fresh IV for every message', async () => {
    const a = await encrypt(bytes('same'), pureKey);
    const b = await encrypt(bytes('same'), pureKey);
    expect(a).not.toEqual(b);
  });

  it('passes data through unchanged without a key (a room without password), as y-webrtc does', async () => {
    const message = bytes('plain');
    await expect(encrypt(message, null)).resolves.toBe(message);
    await expect(decrypt(message, null)).resolves.toBe(message);
  });
});

describe('room-crypto refuses', () => {
  const wrongPassword = 'another-password-entirely-0000000000000000';

  it('rejects a message sealed with another password, as y-webrtc does, on both paths', async () => {
    const sealed = await encryptJson(signal, webKey);
    const wrongWeb = await deriveWebCryptoKey(subtle, wrongPassword, ROOM);
    const wrongPure = await derivePureKey(wrongPassword, ROOM);
    await expect(original.decryptJson(sealed, await original.deriveKey(wrongPassword, ROOM))).rejects.toThrow();
    await expect(decryptJson(sealed, wrongWeb)).rejects.toThrow();
    await expect(decryptJson(sealed, wrongPure)).rejects.toThrow();
  });

  it('rejects a message from another room with the same password (the room name is the salt)', async () => {
    const sealed = await encryptJson(signal, pureKey);
    await expect(decryptJson(sealed, await derivePureKey(SECRET, `${ROOM.slice(0, -1)}0`))).rejects.toThrow();
  });

  for (const [name, key] of paths) {
    it(`rejects a tampered ciphertext, tag or IV (${name})`, async () => {
      const sealed = await encrypt(bytes('Freeze deploys'), key);
      // Header: 1 + 7 ('AES-GCM'), 1 + 12 (iv), then the ciphertext's length and bytes.
      const ivAt = 9;
      const cipherAt = ivAt + 12 + 1;
      for (const at of [ivAt, cipherAt, sealed.length - 1]) {
        const tampered = sealed.slice();
        tampered[at]! ^= 0x01;
        await expect(decrypt(tampered, key)).rejects.toThrow();
      }
      await expect(decrypt(sealed, key)).resolves.toEqual(bytes('Freeze deploys'));
    });

    it(`rejects a truncated or foreign message instead of throwing synchronously (${name})`, async () => {
      const sealed = await encrypt(bytes('x'), key);
      await expect(decrypt(sealed.slice(0, sealed.length - 4), key)).rejects.toThrow();
      const foreign = sealed.slice();
      foreign.set(bytes('AES-CBC'), 1);
      await expect(decrypt(foreign, key)).rejects.toThrow('Unknown encryption algorithm');
      await expect(decrypt(new Uint8Array(0), key)).rejects.toThrow();
    });
  }
});
