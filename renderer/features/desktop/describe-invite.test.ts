import { describe, expect, it } from 'vitest';
import { encodeInvite } from '@shared/sync/invite';
import { createShareSecret, deriveShareKeys } from '@shared/sync/share-keys';
import { describeInvite } from './describe-invite';

const keys = deriveShareKeys(createShareSecret());
const code = encodeInvite({
  incidentId: 'inc-1',
  room: keys.room,
  password: keys.password,
  signaling: ['ws://192.168.1.20:4444', 'wss://signal.example.org/yjs'],
  relays: ['wss://relay.example.org:8443/r'],
  title: 'Payments down',
});

describe('describeInvite', () => {
  it('shows the title and the hosts peers meet on, never the secret', () => {
    const preview = describeInvite(code);
    expect(preview).toEqual({ ok: true, title: 'Payments down', hosts: ['192.168.1.20:4444', 'signal.example.org'], relays: ['relay.example.org:8443'] });
    expect(JSON.stringify(preview)).not.toContain(keys.password);
  });

  it('explains a damaged code', () => {
    const preview = describeInvite(code.slice(0, -8));
    expect(preview.ok).toBe(false);
    expect(preview).toMatchObject({ error: expect.stringMatching(/^Invalid invite code/) });
  });

  it('says nothing about an empty field', () => {
    expect(describeInvite('  ')).toEqual({ ok: null });
  });
});
