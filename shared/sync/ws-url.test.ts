import { describe, expect, it } from 'vitest';
import { isWebSocketUrl, parseUrlList } from './ws-url';

describe('WebSocket URLs', () => {
  it('accepts ws and wss with host names, IPv4, IPv6, ports and paths', () => {
    for (const ok of ['ws://127.0.0.1:4444', 'wss://signal.example.org', 'ws://[::1]:4444/x', 'WS://host', 'wss://a-b.c/path/y?'.slice(0, -1)]) {
      expect(isWebSocketUrl(ok)).toBe(true);
    }
  });

  it('refuses other schemes, credentials, spaces, bad ports and absurd lengths', () => {
    for (const bad of ['http://h', 'javascript:alert(1)', 'ws:/h', 'ws://', 'ws://u@h', 'ws://h h', 'ws://h:70000', 'ws://-h', `ws://h/${'a'.repeat(600)}`]) {
      expect(isWebSocketUrl(bad)).toBe(false);
    }
  });

  it('parseUrlList splits on lines, spaces and commas, drops trailing slashes and duplicates, reports the rest', () => {
    expect(parseUrlList(' ws://a:1/\nwss://b , ws://a:1\nhttp://c\n\n')).toEqual({ urls: ['ws://a:1', 'wss://b'], invalid: ['http://c'] });
  });
});
