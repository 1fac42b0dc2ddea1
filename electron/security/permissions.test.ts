import { describe, expect, it } from 'vitest';
import { isPermissionAllowed } from './permissions';

const app = 'app://warroom';

describe('isPermissionAllowed', () => {
  it('grants notifications to the app itself', () => {
    expect(isPermissionAllowed('notifications', 'app://warroom/index.html', app)).toBe(true);
    // The check handler passes an origin rather than a full URL.
    expect(isPermissionAllowed('notifications', 'app://warroom', app)).toBe(true);
  });

  it('refuses notifications to any other origin', () => {
    expect(isPermissionAllowed('notifications', 'https://evil.example/', app)).toBe(false);
    expect(isPermissionAllowed('notifications', 'file:///tmp/x.html', app)).toBe(false);
    expect(isPermissionAllowed('notifications', '', app)).toBe(false);
  });

  it.each(['media', 'geolocation', 'clipboard-read', 'clipboard-sanitized-write', 'openExternal', 'fullscreen', 'hid', 'serial', 'usb', 'unknown'])(
    'refuses %s even to the app',
    (permission) => {
      expect(isPermissionAllowed(permission, 'app://warroom/index.html', app)).toBe(false);
    },
  );
});
