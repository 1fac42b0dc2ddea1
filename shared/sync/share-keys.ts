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
 * - The relay document name is a hash of the password, so someone who only
 *   saw the room name on a signaling server cannot open the relay's copy.
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
