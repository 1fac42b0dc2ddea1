import { describe, expect, it } from 'vitest';
import { splitLinks } from './links';

describe('splitLinks', () => {
  it('finds http(s) links and leaves sentence punctuation out', () => {
    expect(splitLinks('See https://grafana.example/d/abc?x=1. Then roll back.')).toEqual([
      { kind: 'text', text: 'See ' },
      { kind: 'link', text: 'https://grafana.example/d/abc?x=1', href: 'https://grafana.example/d/abc?x=1' },
      { kind: 'text', text: '. Then roll back.' },
    ]);
  });
  it('keeps a closing parenthesis the link opened, not one around it', () => {
    expect(splitLinks('(http://wiki.example/Foo_(bar))').map((p) => p.text)).toEqual(['(', 'http://wiki.example/Foo_(bar)', ')']);
  });
  it('leaves other schemes as text', () => {
    expect(splitLinks('javascript:alert(1) file:///etc/passwd')).toEqual([{ kind: 'text', text: 'javascript:alert(1) file:///etc/passwd' }]);
  });
  it('returns plain text whole', () => {
    expect(splitLinks('no links here')).toEqual([{ kind: 'text', text: 'no links here' }]);
  });
});
