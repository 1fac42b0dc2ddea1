import { describe, expect, it } from 'vitest';
import { buildContentSecurityPolicy, withContentSecurityPolicy } from './content-security-policy';

const csp = buildContentSecurityPolicy();
const directives = new Map(
  csp.split(';').map((part) => {
    const [name = '', ...sources] = part.trim().split(/\s+/);
    return [name, sources] as const;
  }),
);

describe('buildContentSecurityPolicy', () => {
  it.each([
    ['default-src', ["'self'"]],
    ['script-src', ["'self'"]],
    ['style-src', ["'self'", "'unsafe-inline'"]],
    ['img-src', ["'self'", 'data:', 'blob:']],
    ['connect-src', ["'self'", 'ws:', 'wss:']],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
    ['form-action', ["'none'"]],
  ])('%s is exactly %j', (name, sources) => {
    expect(directives.get(name)).toEqual(sources);
  });

  it('has no other directives', () => {
    expect([...directives.keys()].sort()).toEqual(
      ['base-uri', 'connect-src', 'default-src', 'form-action', 'frame-ancestors', 'img-src', 'object-src', 'script-src', 'style-src'],
    );
  });

  it('never allows eval, wildcards or remote http script sources', () => {
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('*');
    expect(csp).not.toMatch(/\bhttps?:/);
  });

  it('is one header value: directives separated by "; "', () => {
    expect(csp).toMatch(/^default-src 'self'; script-src 'self'; /);
    expect(csp).not.toMatch(/[\r\n]/);
  });
});

describe('withContentSecurityPolicy', () => {
  it('replaces a server policy under any spelling and keeps other headers', () => {
    const out = withContentSecurityPolicy(
      { 'content-security-policy': ["default-src *"], 'CONTENT-SECURITY-POLICY': 'script-src *', 'Content-Type': ['text/html'] },
      csp,
    );
    expect(out).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [csp] });
  });

  it('adds the policy when the response had no headers', () => {
    expect(withContentSecurityPolicy(undefined, csp)).toEqual({ 'Content-Security-Policy': [csp] });
  });
});
