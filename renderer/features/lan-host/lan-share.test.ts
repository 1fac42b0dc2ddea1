import { describe, expect, it } from 'vitest';
import { MAX_SIGNALING_URLS, encodeInvite, parseInvite } from '@shared/sync/invite';
import { createShareSecret, deriveShareKeys } from '@shared/sync/share-keys';
import { inviteViaHost, signalingWhileHosting } from './lan-share';

const keys = deriveShareKeys(createShareSecret());
const base = { incidentId: 'inc-9', room: keys.room, password: keys.password, relays: [], title: 'Queue backlog' };

describe('signalingWhileHosting', () => {
  it('puts the LAN addresses first and keeps other servers, dropping loopback ones', () => {
    expect(
      signalingWhileHosting(
        ['ws://192.168.1.20:4444', 'ws://10.8.0.3:4444'],
        ['ws://localhost:4444', 'ws://127.0.0.1:4444', 'ws://[::1]:4444', 'wss://signal.example.org', 'ws://192.168.1.20:4444'],
      ),
    ).toEqual(['ws://192.168.1.20:4444', 'ws://10.8.0.3:4444', 'wss://signal.example.org']);
  });

  it('keeps a host whose name merely starts like loopback', () => {
    expect(signalingWhileHosting([], ['ws://localhost.corp.example:4444', 'ws://127.0.0.1.nip.io:4444'])).toEqual([
      'ws://localhost.corp.example:4444',
      'ws://127.0.0.1.nip.io:4444',
    ]);
  });

  it('stays within what an invite may hold', () => {
    const many = Array.from({ length: 12 }, (_, i) => `ws://10.0.0.${i + 1}:4444`);
    expect(signalingWhileHosting(many, [])).toHaveLength(MAX_SIGNALING_URLS);
  });
});

describe('inviteViaHost', () => {
  it('keeps room, password and title, and meets on the discovered host first', () => {
    const code = encodeInvite({ ...base, signaling: ['ws://192.168.1.99:4444'] });
    const via = parseInvite(inviteViaHost(code, { signalingUrl: 'ws://192.168.1.20:4444' }));
    expect(via).toEqual({ version: 1, ...base, signaling: ['ws://192.168.1.20:4444', 'ws://192.168.1.99:4444'] });
  });

  it('does not repeat a host the invite already names', () => {
    const code = encodeInvite({ ...base, signaling: ['ws://192.168.1.20:4444'] });
    expect(parseInvite(inviteViaHost(code, { signalingUrl: 'ws://192.168.1.20:4444' })).signaling).toEqual(['ws://192.168.1.20:4444']);
  });

  it('refuses a damaged invite with the parser’s message', () => {
    expect(() => inviteViaHost('warroom1.nope!', { signalingUrl: 'ws://192.168.1.20:4444' })).toThrow(/Invalid invite code/);
  });
});
