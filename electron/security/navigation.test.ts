import { describe, expect, it } from 'vitest';
import { isAllowedNavigation, isSafeExternalUrl, safeExternalHref } from './navigation';

describe('isAllowedNavigation', () => {
  const app = 'app://warroom';

  it.each(['app://warroom/index.html', 'app://warroom/index.html#/incident/42', 'app://WARROOM/'])('allows %s', (url) => {
    expect(isAllowedNavigation(url, app)).toBe(true);
  });

  it.each([
    'https://example.com/',
    'app://warroom.evil/index.html',
    'app://other/index.html',
    'file:///home/me/index.html',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'about:blank',
    'garbage',
  ])('refuses %s', (url) => {
    expect(isAllowedNavigation(url, app)).toBe(false);
  });

  it('compares against a dev server origin including its port', () => {
    expect(isAllowedNavigation('http://localhost:5173/#/x', 'http://localhost:5173')).toBe(true);
    expect(isAllowedNavigation('http://localhost:8080/', 'http://localhost:5173')).toBe(false);
  });
});

describe('isSafeExternalUrl', () => {
  it.each(['https://status.example.com/incidents/1', 'http://grafana.lan:3000/d/abc?from=now-1h', 'HTTPS://EXAMPLE.COM'])(
    'accepts %s',
    (url) => {
      expect(isSafeExternalUrl(url)).toBe(true);
    },
  );

  it.each([
    ['file:///etc/passwd', 'file'],
    ['javascript:alert(1)', 'script'],
    ['smb://server/share', 'network share'],
    ['ms-settings:privacy', 'OS handler'],
    ['app://warroom/index.html', 'our own scheme'],
    ['https://user:pass@example.com/', 'credentials'],
    ['https://trusted.com@evil.example/', 'user name as disguise'],
    ['//example.com', 'relative'],
    ['', 'empty'],
  ])('refuses %s (%s)', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false);
  });

  it('returns the normalized href that was checked', () => {
    expect(safeExternalHref('HTTPS://Example.COM/a b')).toBe('https://example.com/a%20b');
    expect(safeExternalHref('ftp://example.com')).toBeNull();
  });
});
