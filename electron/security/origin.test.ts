import { describe, expect, it } from 'vitest';
import { originOf } from './origin';

describe('originOf', () => {
  it.each([
    ['app://warroom/index.html', 'app://warroom'],
    ['app://warroom', 'app://warroom'],
    ['app://WarRoom/assets/x.js', 'app://warroom'],
    ['http://localhost:5173/src/main.tsx', 'http://localhost:5173'],
    ['https://Example.com/a?b#c', 'https://example.com'],
    ['https://example.com:443/', 'https://example.com'],
  ])('%s → %s', (url, origin) => {
    expect(originOf(url)).toBe(origin);
  });

  it.each(['file:///etc/passwd', 'about:blank', 'data:text/html,hi', 'javascript:alert(1)', 'not a url', ''])(
    'has no trusted origin for %j',
    (url) => {
      expect(originOf(url)).toBeNull();
    },
  );

  it('tells a look-alike host apart', () => {
    expect(originOf('app://warroom.evil/index.html')).not.toBe('app://warroom');
    expect(originOf('http://localhost:5174/')).not.toBe('http://localhost:5173');
  });
});
