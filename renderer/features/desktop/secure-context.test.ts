import { describe, expect, it } from 'vitest';
import { insecureContextHelp } from './secure-context';

describe('insecureContextHelp', () => {
  it('says nothing in a secure context (the desktop app, localhost, https)', () => {
    expect(insecureContextHelp(true, 'http://127.0.0.1:4444')).toBeNull();
  });

  it('names the origin to allow, and both browsers’ settings, when the page cannot decrypt rooms', () => {
    const help = insecureContextHelp(false, 'http://192.168.1.20:4444');
    expect(help).toContain('http://192.168.1.20:4444');
    expect(help).toContain('chrome://flags/#unsafely-treat-insecure-origin-as-secure');
    expect(help).toContain('dom.securecontext.allowlist');
  });
});
