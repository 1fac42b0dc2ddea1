import { describe, expect, it } from 'vitest';
import { digest } from 'lib0/hash/sha256';
import { encodeUtf8 } from 'lib0/string';
import { toBase64Url, toHex } from './base64url';
import {
  PASSWORD_PATTERN,
  RELAY_DOC_PATTERN,
  RELAY_TOKEN_PATTERN,
  ROOM_PATTERN,
  createShareSecret,
  deriveShareKeys,
  relayDocName,
  relayToken,
  relayVerifier,
} from './share-keys';

describe('share keys', () => {
  it('a fresh secret is 256 random bits, different every time', () => {
    const a = createShareSecret();
    const b = createShareSecret();
    expect(a).toHaveLength(32);
    expect(a).not.toEqual(b);
  });

  it('the same secret always gives the same room and password (so a restart rejoins the same room)', () => {
    const secret = createShareSecret();
    expect(deriveShareKeys(Uint8Array.from(secret))).toEqual(deriveShareKeys(secret));
  });

  it('room, password and relay name are independent hashes: none contains another or the secret', () => {
    const secret = createShareSecret();
    const keys = deriveShareKeys(secret);
    expect(keys.room).toMatch(ROOM_PATTERN);
    expect(keys.password).toMatch(PASSWORD_PATTERN);
    expect(keys.password).toHaveLength(43);
    const hexSecret = Array.from(secret, (b) => b.toString(16).padStart(2, '0')).join('');
    expect(hexSecret).not.toContain(keys.room.slice('warroom-'.length, 'warroom-'.length + 8));
    const relay = relayDocName(keys);
    expect(relay).toMatch(/^warroom-relay-[0-9a-f]{32}$/);
    expect(relay.slice('warroom-relay-'.length)).not.toBe(keys.room.slice('warroom-'.length));
    // Knowing the room without the password is not enough to name the relay document.
    expect(relayDocName({ room: keys.room, password: deriveShareKeys(createShareSecret()).password })).not.toBe(relay);
  });

  it('relay name and token follow the formulas in the README, and differ from each other and from the password', () => {
    const keys = deriveShareKeys(createShareSecret());
    // Written out as in the README: SHA-256 over the label, a NUL, the room, a NUL and the password.
    const sha256 = (label: string) => digest(encodeUtf8(`warroom/${label}/v1\0${keys.room}\0${keys.password}`));
    expect(relayDocName(keys)).toBe(`warroom-relay-${toHex(sha256('relay')).slice(0, 32)}`);
    expect(relayToken(keys)).toBe(toBase64Url(sha256('relay-token')));
    expect(relayDocName(keys)).toMatch(RELAY_DOC_PATTERN);
    expect(relayToken(keys)).toMatch(RELAY_TOKEN_PATTERN);
    expect(relayToken(keys)).not.toContain(keys.password);
    expect(relayToken(keys)).not.toContain(relayDocName(keys).slice('warroom-relay-'.length));
    expect(relayVerifier(relayToken(keys))).toEqual(digest(encodeUtf8(relayToken(keys))));
    const other = deriveShareKeys(createShareSecret());
    expect(relayToken(other)).not.toBe(relayToken(keys));
  });

  it('refuses a secret shorter than 128 bits', () => {
    expect(() => deriveShareKeys(new Uint8Array(15))).toThrow(RangeError);
  });
});
