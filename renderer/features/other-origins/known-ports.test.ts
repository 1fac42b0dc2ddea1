import { describe, expect, it } from 'vitest';
import { cookieFor, otherAddresses, portOf, portsFromCookie, withThisPort } from './known-ports';

describe('ports of this host that hold incidents, in a cookie', () => {
  it('reads the list among other cookies and ignores junk', () => {
    expect(portsFromCookie('a=1; warroom-ports=4444%2C50123; b=2')).toEqual([4444, 50123]);
    expect(portsFromCookie('warroom-ports=4444,abc,0,70000,4444')).toEqual([4444]);
    expect(portsFromCookie('other=1')).toEqual([]);
  });

  it('writes it back sorted, and deletes it when empty', () => {
    expect(cookieFor([50123, 4444, 4444])).toMatch(/^warroom-ports=4444%2C50123; Max-Age=\d+; Path=\/; SameSite=Strict$/);
    expect(cookieFor([])).toBe('warroom-ports=; Max-Age=0; Path=/; SameSite=Strict');
  });

  it('adds this port when it holds incidents and removes it when it holds none', () => {
    expect(withThisPort([4444], 50123, true)).toEqual([4444, 50123]);
    expect(withThisPort([4444, 50123], 50123, false)).toEqual([4444]);
  });

  it('names the other ports as addresses to open', () => {
    const here = { protocol: 'http:', hostname: '192.168.1.20', port: '50123' };
    expect(otherAddresses([4444, 50123], here)).toEqual(['http://192.168.1.20:4444/']);
    expect(portOf({ protocol: 'http:', port: '' })).toBe(80);
    expect(otherAddresses([80], { protocol: 'http:', hostname: 'fe80::1', port: '4444' })).toEqual(['http://[fe80::1]:80/']);
  });
});
