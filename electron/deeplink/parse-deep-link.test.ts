import { describe, expect, it } from 'vitest';
import { toBase64Url } from '../../shared/sync/base64url';
import { encodeInvite } from '../../shared/sync/invite';
import { createShareSecret, deriveShareKeys } from '../../shared/sync/share-keys';
import { findDeepLink, parseDeepLink } from './parse-deep-link';

const keys = deriveShareKeys(createShareSecret());
const invite = encodeInvite({
  incidentId: 'inc-42',
  room: keys.room,
  password: keys.password,
  signaling: ['ws://192.168.1.20:4444'],
  relays: [],
  title: 'Checkout errors',
});
/** Right prefix and alphabet, but the body is not an invite. */
const lookalike = `warroom1.${toBase64Url(new TextEncoder().encode('{"v":1,"i":"x"}'))}`;

describe('parseDeepLink', () => {
  it.each([
    [`warroom://join?invite=${invite}`, 'query form'],
    [`warroom://join/${invite}`, 'path form'],
    [`warroom://join/${invite}/`, 'path form with the trailing slash some launchers add'],
    [`WARROOM://JOIN/${invite}`, 'upper-case scheme and host'],
    [`warroom://join?invite=${encodeURIComponent(invite)}`, 'percent-encoded'],
    [`warroom://join/?invite=${invite}`, 'query form with a slash'],
  ])('accepts %s (%s)', (link) => {
    expect(parseDeepLink(link)).toEqual({ kind: 'join', invite });
  });

  it('drops whitespace a chat client wrapped into the code', () => {
    const wrapped = `${invite.slice(0, 20)}%0A${invite.slice(20)}`;
    expect(parseDeepLink(`warroom://join?invite=${wrapped}`)).toEqual({ kind: 'join', invite });
  });

  it.each([
    [`https://join/${invite}`, 'another scheme'],
    [`warroom://open/${invite}`, 'another action'],
    [`warroom://join.evil/${invite}`, 'a look-alike host'],
    [`warroom://user:pw@join/${invite}`, 'credentials'],
    [`warroom://join:1234/${invite}`, 'a port'],
    [`warroom://join/${invite}#x`, 'a fragment'],
    [`warroom://join/${invite}/extra`, 'two path segments'],
    [`warroom://join?invite=${invite}&next=https://evil.example`, 'an extra parameter'],
    [`warroom://join/${invite}?invite=${invite}`, 'both forms'],
    [`warroom://join?code=${invite}`, 'another parameter name'],
    ['warroom://join', 'no invite'],
    ['warroom://join?invite=', 'an empty invite'],
    ['warroom://join/warroom1.abc$def', 'characters outside base64url'],
    ['warroom://join/warroom2.eyJ2IjoyfQ', 'a future format'],
    [`warroom://join/${lookalike}`, 'a body that is not an invite'],
    [`warroom://join/${invite.slice(0, -6)}`, 'a truncated code'],
    ['warroom://join/%E0%A4%A', 'undecodable escapes'],
    [`warroom://join/${'A'.repeat(20_000)}`, 'something far too long'],
    ['not a url', 'not a URL'],
  ])('refuses %s (%s)', (link) => {
    expect(parseDeepLink(link)).toBeNull();
  });
});

describe('findDeepLink', () => {
  it('finds the link among the arguments a second instance is started with', () => {
    const argv = ['/opt/Warroom/warroom', '--no-sandbox', `warroom://join/${invite}`];
    expect(findDeepLink(argv)).toEqual({ kind: 'join', invite });
  });

  it('ignores arguments that merely contain a link, and invalid links', () => {
    expect(findDeepLink(['/opt/Warroom/warroom', `--flag=warroom://join/${invite}`])).toBeNull();
    expect(findDeepLink(['/opt/Warroom/warroom', 'warroom://join/nope'])).toBeNull();
    expect(findDeepLink([])).toBeNull();
  });

  it('takes the last valid link', () => {
    const other = encodeInvite({ incidentId: 'inc-43', room: keys.room, password: keys.password, signaling: ['ws://10.0.0.2:4444'], relays: [], title: '' });
    expect(findDeepLink([`warroom://join/${invite}`, `warroom://join/${other}`, 'warroom://join/bad'])).toEqual({ kind: 'join', invite: other });
  });
});
