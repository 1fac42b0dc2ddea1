import { describe, expect, it } from 'vitest';
import { isTrustedSender } from './sender';

const app = 'app://warroom';
const from = (url: string) => ({ senderFrame: { url } });

describe('isTrustedSender', () => {
  it('trusts the app page', () => {
    expect(isTrustedSender(from('app://warroom/index.html#/incidents'), app)).toBe(true);
  });

  it.each(['https://evil.example/', 'app://warroom.evil/', 'file:///index.html', 'about:blank', ''])('refuses a frame at %j', (url) => {
    expect(isTrustedSender(from(url), app)).toBe(false);
  });

  it('refuses when the frame is gone', () => {
    expect(isTrustedSender({ senderFrame: null }, app)).toBe(false);
  });

  it('refuses when the frame was disposed and reading it throws', () => {
    const event = {
      get senderFrame(): { url: string } {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    };
    expect(isTrustedSender(event, app)).toBe(false);
  });
});
