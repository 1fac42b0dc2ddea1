import { describe, expect, it } from 'vitest';
import { contentTypeFor } from './content-type';

describe('contentTypeFor', () => {
  it.each([
    ['/r/index.html', 'text/html; charset=utf-8'],
    ['/r/assets/index-ab12.js', 'text/javascript; charset=utf-8'],
    ['/r/assets/INDEX.CSS', 'text/css; charset=utf-8'],
    ['/r/assets/index.js.map', 'application/json; charset=utf-8'],
    ['/r/icon.svg', 'image/svg+xml'],
    ['/r/font.woff2', 'font/woff2'],
  ])('%s → %s', (file, type) => {
    expect(contentTypeFor(file)).toBe(type);
  });

  it('falls back to a type the browser will not execute', () => {
    expect(contentTypeFor('/r/LICENSE')).toBe('application/octet-stream');
    expect(contentTypeFor('/r/x.exe')).toBe('application/octet-stream');
    expect(contentTypeFor('/r.d/LICENSE')).toBe('application/octet-stream');
  });
});
