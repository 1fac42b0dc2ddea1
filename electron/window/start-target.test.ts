import { describe, expect, it } from 'vitest';
import { resolveStartTarget } from './start-target';

describe('resolveStartTarget', () => {
  it('loads the bundled renderer over app:// by default', () => {
    expect(resolveStartTarget(undefined)).toEqual({ url: 'app://warroom/index.html', origin: 'app://warroom' });
    expect(resolveStartTarget('  ')).toEqual({ url: 'app://warroom/index.html', origin: 'app://warroom' });
  });

  it('loads the dev server and trusts only its origin', () => {
    expect(resolveStartTarget('http://localhost:5173')).toEqual({ url: 'http://localhost:5173/', origin: 'http://localhost:5173' });
  });

  it('refuses a dev URL that is not http(s)', () => {
    expect(() => resolveStartTarget('file:///tmp/index.html')).toThrow(/must be an http\(s\) URL/);
    expect(() => resolveStartTarget('localhost:5173')).toThrow(/must be an http\(s\) URL/);
    expect(() => resolveStartTarget('::nope')).toThrow(/not a URL/);
  });
});
