import { describe, expect, it } from 'vitest';
import { inviteFromHash, joinUrl } from './invite-hash';

describe('inviteFromHash', () => {
  it('reads the invite from #join=', () => {
    expect(inviteFromHash('#join=warroom1.abc-_')).toBe('warroom1.abc-_');
    expect(inviteFromHash('#join=warroom1.ab%0Ac')).toBe('warroom1.abc');
  });

  it.each(['', '#/', '#/incident/x', '#join=', '#join=%E0%A4%A', '#JOIN=warroom1.a', '#xjoin=warroom1.a'])('ignores %j', (hash) => {
    expect(inviteFromHash(hash)).toBeNull();
  });
});

describe('joinUrl', () => {
  it('puts the invite in the fragment of the page URL, replacing any fragment', () => {
    expect(joinUrl('http://192.168.1.20:4444/', 'warroom1.abc')).toBe('http://192.168.1.20:4444/#join=warroom1.abc');
    expect(joinUrl('http://192.168.1.20:4444/#/incident/1', 'warroom1.abc')).toBe('http://192.168.1.20:4444/#join=warroom1.abc');
  });

  it('round-trips through inviteFromHash', () => {
    const url = new URL(joinUrl('http://10.0.0.5:4444/', 'warroom1.eyJ2IjoxfQ'));
    expect(inviteFromHash(url.hash)).toBe('warroom1.eyJ2IjoxfQ');
  });
});
