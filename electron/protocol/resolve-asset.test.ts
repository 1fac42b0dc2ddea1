import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppAssetPath } from './resolve-asset';

const root = path.resolve('/opt/warroom/dist/renderer');
const inRoot = (...parts: string[]) => path.join(root, ...parts);

describe('resolveAppAssetPath', () => {
  it.each([
    ['app://warroom/index.html', inRoot('index.html')],
    ['app://warroom/', inRoot('index.html')],
    ['app://warroom', inRoot('index.html')],
    ['app://warroom/assets/index-abc123.js', inRoot('assets', 'index-abc123.js')],
    ['app://warroom/assets/index.js?v=1#x', inRoot('assets', 'index.js')],
    ['app://warroom/assets/my%20font.woff2', inRoot('assets', 'my font.woff2')],
    ['app://warroom/a/../index.html', inRoot('index.html')],
  ])('%s → a file in the renderer folder', (url, file) => {
    expect(resolveAppAssetPath(url, root)).toBe(file);
  });

  it.each([
    'app://warroom/assets/..%2f..%2f..%2fetc%2fpasswd',
    'app://warroom/..%2frenderer-secrets/x',
    'app://warroom//etc/passwd/..%2F..%2F..%2F..%2Fetc%2Fpasswd',
    'app://warroom/index.html%00.png',
    'app://warroom/%E0%A4%A',
  ])('refuses escaped traversal, NUL and undecodable paths: %s', (url) => {
    expect(resolveAppAssetPath(url, root)).toBeNull();
  });

  it.each([
    // The URL parser folds these dot segments before we see them…
    ['app://warroom/../../etc/passwd', inRoot('etc', 'passwd')],
    ['app://warroom/%2e%2e/%2e%2e/etc/passwd', inRoot('etc', 'passwd')],
    // …and a leading (encoded) slash is still relative to the root.
    ['app://warroom/%2Fetc%2Fpasswd', inRoot('etc', 'passwd')],
  ])('keeps %s inside the root', (url, file) => {
    expect(resolveAppAssetPath(url, root)).toBe(file);
  });

  it('refuses the sibling folder that shares the root as a prefix', () => {
    expect(resolveAppAssetPath('app://warroom/..%2Frenderer-old/index.html', root)).toBeNull();
  });

  it.each(['app://other/index.html', 'http://warroom/index.html', 'file:///opt/warroom/dist/renderer/index.html', 'nonsense'])(
    'refuses other hosts and schemes: %s',
    (url) => {
      expect(resolveAppAssetPath(url, root)).toBeNull();
    },
  );

  describe('with Windows path rules', () => {
    const winRoot = 'C:\\Program Files\\Warroom\\resources\\app.asar\\dist\\renderer';

    it('serves a file in the folder', () => {
      expect(resolveAppAssetPath('app://warroom/assets/main.js', winRoot, path.win32)).toBe(`${winRoot}\\assets\\main.js`);
    });

    it.each([
      'app://warroom/..%5C..%5C..%5CWindows%5Cwin.ini',
      'app://warroom/assets%5C..%5C..%5Csecret.txt',
      'app://warroom/C:%5CWindows%5Cwin.ini',
      'app://warroom/C:/Windows/win.ini',
      'app://warroom/D:%5Cdata',
      'app://warroom/%5C%5Cserver%5Cshare%5Cx',
    ])('refuses %s', (url) => {
      expect(resolveAppAssetPath(url, winRoot, path.win32)).toBeNull();
    });
  });
});
