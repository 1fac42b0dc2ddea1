import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { encodeUtf8 } from 'lib0/string';
import { gcm } from '@noble/ciphers/aes.js';
import { pbkdf2Async } from '@noble/hashes/pbkdf2.js';
import { sha256 } from '@noble/hashes/sha2.js';

/*
 * A drop-in replacement for y-webrtc's src/crypto.js (y-webrtc 10.3), which the
 * app build puts in its place (the resolveId plugin in vite.config.ts).
 *
 * Why: y-webrtc encrypts every signaling message with the room password
 * through Web Crypto, and `crypto.subtle` exists only in a secure context. A
 * browser that opens the desktop app's LAN host at http://192.168.x.y:4444/ is
 * not in one, so stock y-webrtc cannot even derive the key there and that
 * browser could never join. This module uses Web Crypto whenever it exists
 * (the desktop app, localhost, https) and otherwise the same algorithms from
 * @noble/hashes (PBKDF2-HMAC-SHA256) and @noble/ciphers (AES-256-GCM): small,
 * dependency-free, audited pure-JS implementations. `crypto.getRandomValues`,
 * for the IV, works in insecure contexts too.
 *
 * Wire format and key derivation are exactly y-webrtc's, so a peer on either
 * path talks to a stock y-webrtc peer:
 *   key     = PBKDF2-HMAC-SHA256(password, salt = UTF-8(room name), 100 000 iterations) → AES-GCM-256
 *   message = lib0 varString 'AES-GCM' ‖ varUint8Array iv (12 random bytes) ‖ varUint8Array (ciphertext ‖ 16-byte tag)
 * With no key (a room without password) data passes through unchanged, as in y-webrtc.
 *
 * Failure behaves as in y-webrtc: decrypting with the wrong key or a tampered
 * message rejects the returned promise (y-webrtc does not catch it, so the
 * message is dropped). Differences: a message that is not even well-formed, or
 * names another algorithm, rejects too, where y-webrtc throws synchronously or
 * (for the algorithm) carries on regardless; and the Web Crypto key is not
 * extractable, since nothing reads it back.
 */

export const PBKDF2_ITERATIONS = 100_000;
const ALGORITHM = 'AES-GCM';
const IV_BYTES = 12;
const KEY_BITS = 256;

/** The AES key for the pure-JS path: raw bytes kept behind a class so it is told apart from a CryptoKey. */
export class PureRoomKey {
  constructor(readonly bytes: Uint8Array) {}
}

/** What y-webrtc holds as `room.key`: opaque to it, handed back to encrypt/decrypt. */
export type RoomKey = CryptoKey | PureRoomKey;

/** The same key through Web Crypto (secure contexts). */
export const deriveWebCryptoKey = async (subtle: SubtleCrypto, secret: string, roomName: string): Promise<CryptoKey> => {
  const material = await subtle.importKey('raw', encodeUtf8(secret) as Uint8Array<ArrayBuffer>, 'PBKDF2', false, ['deriveKey']);
  return subtle.deriveKey(
    { name: 'PBKDF2', salt: encodeUtf8(roomName) as Uint8Array<ArrayBuffer>, iterations: PBKDF2_ITERATIONS, hash: 'SHA-256' },
    material,
    { name: 'AES-GCM', length: KEY_BITS },
    false,
    ['encrypt', 'decrypt'],
  );
};

/** The same key in pure JS. pbkdf2Async yields to the event loop, so the page stays responsive while it runs. */
export const derivePureKey = async (secret: string, roomName: string): Promise<PureRoomKey> =>
  new PureRoomKey(await pbkdf2Async(sha256, encodeUtf8(secret), encodeUtf8(roomName), { c: PBKDF2_ITERATIONS, dkLen: KEY_BITS / 8 }));

/** Web Crypto where the page has it, else the pure-JS fallback. Read once: a page does not change context. */
const subtle: SubtleCrypto | undefined = globalThis.crypto?.subtle;

export const deriveKey = (secret: string, roomName: string): Promise<RoomKey> =>
  subtle ? deriveWebCryptoKey(subtle, secret, roomName) : derivePureKey(secret, roomName);

const sealWith = async (key: RoomKey, iv: Uint8Array<ArrayBuffer>, data: Uint8Array): Promise<Uint8Array> => {
  if (key instanceof PureRoomKey) return gcm(key.bytes, iv).encrypt(data);
  // A CryptoKey only comes from deriveWebCryptoKey, so Web Crypto is there.
  return new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, data as Uint8Array<ArrayBuffer>));
};

const openWith = async (key: RoomKey, iv: Uint8Array, sealed: Uint8Array): Promise<Uint8Array> => {
  if (key instanceof PureRoomKey) return gcm(key.bytes, iv).decrypt(sealed);
  return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: iv as Uint8Array<ArrayBuffer> }, key, sealed as Uint8Array<ArrayBuffer>));
};

export const encrypt = async (data: Uint8Array, key: RoomKey | null): Promise<Uint8Array> => {
  if (!key) return data;
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const sealed = await sealWith(key, iv, data);
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, ALGORITHM);
  encoding.writeVarUint8Array(encoder, iv);
  encoding.writeVarUint8Array(encoder, sealed);
  return encoding.toUint8Array(encoder);
};

export const encryptJson = (data: unknown, key: RoomKey | null): Promise<Uint8Array> => {
  const encoder = encoding.createEncoder();
  encoding.writeAny(encoder, data as Parameters<typeof encoding.writeAny>[1]);
  return encrypt(encoding.toUint8Array(encoder), key);
};

export const decrypt = async (data: Uint8Array, key: RoomKey | null): Promise<Uint8Array> => {
  if (!key) return data;
  const decoder = decoding.createDecoder(data);
  if (decoding.readVarString(decoder) !== ALGORITHM) throw new Error('Unknown encryption algorithm');
  const iv = decoding.readVarUint8Array(decoder);
  const sealed = decoding.readVarUint8Array(decoder);
  return openWith(key, iv, sealed);
};

export const decryptJson = async (data: Uint8Array, key: RoomKey | null): Promise<unknown> =>
  decoding.readAny(decoding.createDecoder(await decrypt(data, key)));
