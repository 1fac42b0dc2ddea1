import { digest } from 'lib0/hash/sha256';
import { encodeUtf8 } from 'lib0/string';
import { toBase64Url, toHex } from './base64url';

/**
 * The sharing secret of an incident and what is derived from it.
 *
 * - The secret is 256 random bits from Web Crypto; it never leaves this device.
 * - The room name travels in clear through the signaling server, so it is a
 *   hash of the secret: it says nothing about the incident, its title or the
 *   password.
 * - The password (y-webrtc encrypts all signaling with it, PBKDF2 + AES-GCM) is
 *   a second, independent hash of the secret.
 * - The relay document name is a hash of room and password, so someone who
 *   only saw the room name on a signaling server cannot open the relay's copy.
 * - The relay token is a third hash of room and password, sent to the relay
 *   when connecting. The relay keeps only SHA-256 of it (the verifier), bound
 *   to the document by the first client to present one; a client that knows
 *   the document name but not the secret is refused.
 */
export const SECRET_BYTES = 32;
export const ROOM_PATTERN = /^warroom-[0-9a-f]{32}$/;
/** ≥ 128 bits of base64url; a derived password has 256 bits (43 characters). */
export const PASSWORD_PATTERN = /^[A-Za-z0-9_-]{22,128}$/;

export interface ShareKeys {
  room: string;
  password: string;
}

const hashWith = (label: string, data: Uint8Array): Uint8Array => {
  const prefix = encodeUtf8(`warroom/${label}/v1\0`);
  const input = new Uint8Array(prefix.length + data.length);
  input.set(prefix, 0);
  input.set(data, prefix.length);
  return digest(input);
};

export const createShareSecret = (): Uint8Array => crypto.getRandomValues(new Uint8Array(SECRET_BYTES));

export const deriveShareKeys = (secret: Uint8Array): ShareKeys => {
  if (secret.length * 8 < 128) throw new RangeError('a sharing secret needs at least 128 bits');
  return {
    room: `warroom-${toHex(hashWith('room', secret).subarray(0, 16))}`,
    password: toBase64Url(hashWith('password', secret)),
  };
};

/** The relay's document name for a share: needs the password, not just the room. */
export const relayDocName = (keys: ShareKeys): string =>
  `warroom-relay-${toHex(hashWith('relay', encodeUtf8(`${keys.room}\0${keys.password}`)).subarray(0, 16))}`;

/** What a relay serves: the names relayDocName makes, and nothing else. */
export const RELAY_DOC_PATTERN = /^warroom-relay-[0-9a-f]{32}$/;
/** A relay token: 256 bits of base64url. */
export const RELAY_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** The proof of holding the secret that a client sends the relay: never the password itself. */
export const relayToken = (keys: ShareKeys): string =>
  toBase64Url(hashWith('relay-token', encodeUtf8(`${keys.room}\0${keys.password}`)));

/** What the relay stores instead of the token: SHA-256 of its text, so the relay's disk cannot be replayed as a token. */
export const relayVerifier = (token: string): Uint8Array => digest(encodeUtf8(token));
