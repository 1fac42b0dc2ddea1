import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeUtf8 } from 'lib0/string';
import { isDomainError } from '../core/errors';
import { fromBase64Url, toBase64Url } from './base64url';
import { encodeInvite, parseInvite, type Invite } from './invite';
import { createShareSecret, deriveShareKeys } from './share-keys';

const keys = deriveShareKeys(createShareSecret());
const base: Omit<Invite, 'version'> = {
  incidentId: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
  room: keys.room,
  password: keys.password,
  signaling: ['ws://192.168.1.20:4444', 'wss://signal.example.org/yjs'],
  relays: [],
  title: 'Checkout errors in EU — 5xx on /pay',
};

const encodeBody = (body: unknown): string => `warroom1.${toBase64Url(new TextEncoder().encode(JSON.stringify(body)))}`;
const bodyOf = (code: string): Record<string, unknown> => JSON.parse(decodeUtf8(fromBase64Url(code.slice('warroom1.'.length))!)) as Record<string, unknown>;
const validBody = () => ({ v: 1, i: base.incidentId, r: base.room, p: base.password, s: base.signaling, t: base.title });

/** The message of the DomainError thrown by parseInvite, or a failure if it did not throw one. */
const refusal = (code: string): string => {
  try {
    parseInvite(code);
  } catch (e) {
    if (isDomainError(e) && e.code === 'invalid_input') return e.message;
    throw e;
  }
  throw new Error(`accepted: ${code}`);
};

describe('invite codes', () => {
  it('round-trip every field, with and without a relay', () => {
    const code = encodeInvite(base);
    expect(code).toMatch(/^warroom1\.[A-Za-z0-9_-]+$/);
    expect(parseInvite(code)).toEqual({ version: 1, ...base });
    const withRelay = { ...base, relays: ['wss://relay.example.org:8443/r'] };
    expect(parseInvite(encodeInvite(withRelay))).toEqual({ version: 1, ...withRelay });
    const withNodes = { ...base, relays: ['wss://relay-1.example.org', 'wss://relay-2.example.org', 'ws://10.0.0.9:1234'] };
    expect(parseInvite(encodeInvite(withNodes))).toEqual({ version: 1, ...withNodes });
  });

  it('round-trip any title and any valid set of URLs', () => {
    const url = fc
      .tuple(fc.constantFrom('ws', 'wss'), fc.domain(), fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }))
      .map(([s, host, port]) => `${s}://${host}${port ? `:${port}` : ''}`);
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.array(url, { minLength: 1, maxLength: 8 }), (title, signaling) => {
        const invite = { ...base, title, signaling };
        expect(parseInvite(encodeInvite(invite))).toEqual({ version: 1, ...invite });
      }),
    );
  });

  it('ignore whitespace and line breaks a chat client wraps into the code', () => {
    const code = encodeInvite(base);
    const wrapped = `  ${code.slice(0, 30)}\n${code.slice(30, 70)} \r\n${code.slice(70)}\n`;
    expect(parseInvite(wrapped)).toEqual({ version: 1, ...base });
  });

  it('never put the title or the incident id in the room name', () => {
    expect(keys.room).toMatch(/^warroom-[0-9a-f]{32}$/);
    expect(keys.room).not.toContain(base.incidentId);
    expect(parseInvite(encodeInvite(base)).room).toBe(keys.room);
  });

  it('refuse a truncated code at any length', () => {
    const code = encodeInvite(base);
    for (let n = 0; n < code.length - 1; n += 1) {
      expect(refusal(code.slice(0, n))).toMatch(/^Invalid invite code: /);
    }
  });

  it('refuse codes that are not invites, with a message that says why', () => {
    expect(refusal('')).toMatch(/empty/);
    expect(refusal('hello there')).toMatch(/does not start with "warroom1\."/);
    expect(refusal('warroom1.@@@@')).toMatch(/characters/);
    expect(refusal(`warroom1.${toBase64Url(new TextEncoder().encode('not json'))}`)).toMatch(/incomplete or damaged/);
    expect(refusal(encodeBody([1, 2]))).toMatch(/damaged/);
    expect(refusal(`warroom1.${'A'.repeat(9000)}`)).toMatch(/too long/);
  });

  it('refuse another version, whether in the prefix or in the body', () => {
    const body = encodeInvite(base).slice('warroom1.'.length);
    expect(refusal(`warroom2.${body}`)).toMatch(/different version of Warroom \(format 2/);
    expect(refusal(encodeBody({ ...validBody(), v: 2 }))).toMatch(/different version/);
    expect(refusal(encodeBody({ ...validBody(), v: undefined }))).toMatch(/version/);
  });

  it('refuse signaling and relay addresses that are not ws:// or wss://', () => {
    for (const bad of ['http://host:4444', 'javascript:alert(1)', 'file:///etc/passwd', 'ws://', 'ws://host name', 'ws://h:99999', 'wss://a@b']) {
      expect(refusal(encodeBody({ ...validBody(), s: [bad] }))).toMatch(/signaling server must be a ws:\/\/ or wss:\/\/ address/);
      expect(refusal(encodeBody({ ...validBody(), x: bad }))).toMatch(/relay must be a ws:\/\/ or wss:\/\/ address/);
    }
    expect(refusal(encodeBody({ ...validBody(), s: 'ws://one' }))).toMatch(/Invalid invite code/);
  });

  it('refuse a code with no way to reach anyone, or with malformed keys', () => {
    expect(refusal(encodeBody({ ...validBody(), s: [] }))).toMatch(/no signaling server and no relay/);
    expect(refusal(encodeBody({ ...validBody(), r: 'Checkout errors' }))).toMatch(/room is malformed/);
    expect(refusal(encodeBody({ ...validBody(), p: 'short' }))).toMatch(/password is malformed/);
    expect(refusal(encodeBody({ ...validBody(), i: '../../etc' }))).toMatch(/incident id is malformed/);
    expect(refusal(encodeBody({ ...validBody(), i: undefined }))).toMatch(/incident id missing/);
  });

  it('accept a relay-only invite, and refuse to build an invalid one', () => {
    const relayOnly = { ...base, signaling: [], relays: ['ws://127.0.0.1:1234'] };
    expect(parseInvite(encodeInvite(relayOnly)).relays).toEqual(['ws://127.0.0.1:1234']);
    expect(() => encodeInvite({ ...base, signaling: ['http://nope'] })).toThrow(/Invalid invite code/);
  });

  it('read a code made before several relays were allowed (x is one URL), and write one relay the same way', () => {
    const legacy = encodeBody({ ...validBody(), x: 'wss://relay.example.org/r' });
    expect(parseInvite(legacy).relays).toEqual(['wss://relay.example.org/r']);
    expect(bodyOf(encodeInvite({ ...base, relays: ['ws://one:1234'] })).x).toBe('ws://one:1234');
    expect(bodyOf(encodeInvite({ ...base, relays: ['ws://one:1', 'ws://two:2'] })).x).toEqual(['ws://one:1', 'ws://two:2']);
    expect(bodyOf(encodeInvite(base))).not.toHaveProperty('x');
  });

  it('refuse a relay list that is empty, too long, or holds anything but ws:// and wss:// addresses', () => {
    expect(refusal(encodeBody({ ...validBody(), x: [] }))).toMatch(/list of relays is empty/);
    expect(refusal(encodeBody({ ...validBody(), x: Array.from({ length: 9 }, (_, i) => `ws://relay-${i}:1234`) }))).toMatch(/at most 8 relays/);
    expect(refusal(encodeBody({ ...validBody(), x: ['ws://fine:1234', 'http://not-fine'] }))).toMatch(/relay must be a ws:\/\/ or wss:\/\/ address/);
    expect(refusal(encodeBody({ ...validBody(), x: 42 }))).toMatch(/relay must be a ws:\/\/ or wss:\/\/ address, or a list of them/);
    expect(refusal(encodeBody({ ...validBody(), s: [], x: [] }))).toMatch(/Invalid invite code/);
  });

  it('drop a relay named twice rather than connect to it twice', () => {
    expect(parseInvite(encodeBody({ ...validBody(), x: ['ws://a:1', 'ws://a:1', 'ws://b:2'] })).relays).toEqual(['ws://a:1', 'ws://b:2']);
    expect(parseInvite(encodeInvite({ ...base, relays: ['ws://a:1', 'ws://a:1'] })).relays).toEqual(['ws://a:1']);
  });
});
