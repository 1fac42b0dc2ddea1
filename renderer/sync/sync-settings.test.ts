import { describe, expect, it } from 'vitest';
import { fallbackSignaling, resolveSyncSettings } from './sync-settings';

const web = { protocol: 'http:', hostname: '192.168.1.20' };
const app = { protocol: 'app:', hostname: 'warroom' };

describe('sync settings', () => {
  it('take signaling servers from ?signal= first (repeated or comma-separated), dropping non-ws entries', () => {
    const s = resolveSyncSettings('?signal=ws://127.0.0.1:5000&signal=ws://b:1,http://evil', JSON.stringify({ signaling: ['ws://saved:1'] }), web);
    expect(s.signaling).toEqual(['ws://127.0.0.1:5000', 'ws://b:1']);
    expect(s.fromAddress).toBe(true);
    expect(resolveSyncSettings('', null, web).fromAddress).toBe(false);
  });

  it('then the saved setting, then the host that served the page', () => {
    expect(resolveSyncSettings('', JSON.stringify({ signaling: ['ws://saved:1'], relays: ['wss://r1', 'wss://r2'] }), web)).toMatchObject({
      signaling: ['ws://saved:1'],
      relays: ['wss://r1', 'wss://r2'],
    });
    expect(resolveSyncSettings('', null, web).signaling).toEqual(['ws://192.168.1.20:4444']);
    expect(resolveSyncSettings('', null, { ...web, port: '8080' }).signaling).toEqual(['ws://192.168.1.20:8080', 'ws://192.168.1.20:4444']);
    expect(fallbackSignaling({ protocol: 'http:', hostname: '::1', port: '4444' })).toEqual(['ws://[::1]:4444']);
    expect(resolveSyncSettings('', null, app).signaling).toEqual(['ws://localhost:4444']);
    expect(fallbackSignaling({ protocol: 'https:', hostname: 'wr.example.org' })).toEqual(['wss://wr.example.org:4444']);
  });

  it('take relay nodes from ?relay= (repeated or comma-separated), else the saved list, else the one relay saved by an older version', () => {
    expect(resolveSyncSettings('?relay=ws://n1:1234,ws://n2:1234&relay=ws://n3:1234', JSON.stringify({ relays: ['wss://saved'] }), web).relays).toEqual([
      'ws://n1:1234',
      'ws://n2:1234',
      'ws://n3:1234',
    ]);
    expect(resolveSyncSettings('', JSON.stringify({ relay: 'wss://old' }), web).relays).toEqual(['wss://old']);
    expect(resolveSyncSettings('', JSON.stringify({ relay: 'http://nope' }), web).relays).toEqual([]);
    expect(resolveSyncSettings('', null, web).relays).toEqual([]);
  });

  it('a saved empty list means "no WebRTC" and is kept', () => {
    expect(resolveSyncSettings('', JSON.stringify({ signaling: [] }), web).signaling).toEqual([]);
  });

  it('use no ICE servers unless configured, and survive a damaged setting', () => {
    expect(resolveSyncSettings('', null, web).iceServers).toEqual([]);
    expect(resolveSyncSettings('?ice=stun:stun.lan:3478', null, web).iceServers).toEqual([{ urls: 'stun:stun.lan:3478' }]);
    expect(resolveSyncSettings('', JSON.stringify({ iceServers: [{ urls: 'turn:t', username: 'u', credential: 'c' }, 5] }), web).iceServers).toEqual([
      { urls: 'turn:t', username: 'u', credential: 'c' },
    ]);
    expect(resolveSyncSettings('', '{not json', web).signaling).toEqual(['ws://192.168.1.20:4444']);
  });
});
