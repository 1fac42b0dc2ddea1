import { describe, expect, it } from 'vitest';
import { guardWebContents, type FrameNavigationEvent, type GuardableContents } from './guard-web-contents';

type AnyListener = (event: never) => void;

/** A WebContents stand-in that lets the test emit events and call the window-open handler. */
function fakeContents() {
  const listeners = new Map<string, AnyListener>();
  let openHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;
  const contents: GuardableContents = {
    on(event: string, listener: AnyListener) {
      listeners.set(event, listener);
      return contents;
    },
    setWindowOpenHandler(handler) {
      openHandler = handler;
    },
  };
  const emit = (name: string, event: object) => (listeners.get(name) as ((e: object) => void) | undefined)?.(event);
  const windowOpen = (url: string) => {
    if (!openHandler) throw new Error('no window-open handler');
    return openHandler({ url });
  };
  return { contents, emit, windowOpen, listeners };
}

function navigation(url: string, isMainFrame = true) {
  const event: FrameNavigationEvent & { prevented: boolean } = {
    url,
    isMainFrame,
    prevented: false,
    preventDefault() {
      event.prevented = true;
    },
  };
  return event;
}

function setup() {
  const fake = fakeContents();
  const opened: string[] = [];
  guardWebContents(fake.contents, {
    appOrigin: 'app://warroom',
    openExternal: async (href) => void opened.push(href),
  });
  return { ...fake, opened };
}

describe('guardWebContents', () => {
  it('lets the page navigate within the app', () => {
    const { emit, opened } = setup();
    const event = navigation('app://warroom/index.html#/incident/1');
    emit('will-frame-navigate', event);
    expect(event.prevented).toBe(false);
    expect(opened).toEqual([]);
  });

  it('stops a top-level navigation to a website and opens it in the browser', () => {
    const { emit, opened } = setup();
    const event = navigation('https://status.example.com/');
    emit('will-frame-navigate', event);
    expect(event.prevented).toBe(true);
    expect(opened).toEqual(['https://status.example.com/']);
  });

  it('stops a navigation to a non-web scheme without opening anything', () => {
    const { emit, opened } = setup();
    for (const url of ['file:///etc/passwd', 'smb://host/share', 'https://u:p@example.com/']) {
      const event = navigation(url);
      emit('will-frame-navigate', event);
      expect(event.prevented).toBe(true);
    }
    expect(opened).toEqual([]);
  });

  it('stops a sub-frame navigation away from the app without opening it', () => {
    const { emit, opened } = setup();
    const event = navigation('https://ads.example.com/', false);
    emit('will-frame-navigate', event);
    expect(event.prevented).toBe(true);
    expect(opened).toEqual([]);
  });

  it('stops redirects that leave the app', () => {
    const { emit } = setup();
    const away = navigation('https://evil.example/');
    const home = navigation('app://warroom/index.html');
    emit('will-redirect', away);
    emit('will-redirect', home);
    expect(away.prevented).toBe(true);
    expect(home.prevented).toBe(false);
  });

  it('refuses to attach a <webview>', () => {
    const { emit } = setup();
    let prevented = false;
    emit('will-attach-webview', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
  });

  it('denies every new window, opening only safe links outside', () => {
    const { windowOpen, opened } = setup();
    expect(windowOpen('https://example.com/runbook')).toEqual({ action: 'deny' });
    expect(windowOpen('app://warroom/index.html')).toEqual({ action: 'deny' });
    expect(windowOpen('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://example.com/runbook']);
  });

  it('survives the browser failing to launch', async () => {
    const fake = fakeContents();
    let attempts = 0;
    guardWebContents(fake.contents, {
      appOrigin: 'app://warroom',
      openExternal: async () => {
        attempts += 1;
        throw new Error('no browser');
      },
    });
    expect(fake.windowOpen('https://example.com/')).toEqual({ action: 'deny' });
    await Promise.resolve();
    expect(attempts).toBe(1);
  });
});
