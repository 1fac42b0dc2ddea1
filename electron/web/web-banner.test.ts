import { describe, expect, it } from 'vitest';
import { webBanner } from './web-banner';

describe('webBanner', () => {
  it('names each address to open and the shared signaling port', () => {
    const text = webBanner({ host: '127.0.0.1', port: 5123, pageUrls: ['http://127.0.0.1:5123/'], signalingUrls: ['ws://127.0.0.1:5123'] });
    expect(text).toContain('  http://127.0.0.1:5123/');
    expect(text).toContain('ws://127.0.0.1:5123 (the same port)');
    expect(text).not.toContain('localhost');
  });

  it('adds localhost when bound to every interface', () => {
    const text = webBanner({ host: '0.0.0.0', port: 4444, pageUrls: ['http://192.168.1.20:4444/'], signalingUrls: ['ws://192.168.1.20:4444'] });
    expect(text.split('\n').filter((l) => l.startsWith('  http'))).toEqual(['  http://localhost:4444/', '  http://192.168.1.20:4444/']);
  });
});
