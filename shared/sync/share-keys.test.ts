import { describe, expect, it } from 'vitest';
import { PASSWORD_PATTERN, ROOM_PATTERN, createShareSecret, deriveShareKeys, relayDocName } from './share-keys';

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

  it('refuses a secret shorter than 128 bits', () => {
    expect(() => deriveShareKeys(new Uint8Array(15))).toThrow(RangeError);
  });
});
