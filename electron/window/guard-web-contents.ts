import { isAllowedNavigation, safeExternalHref } from '../security/navigation';

export interface FrameNavigationEvent {
  readonly url: string;
  readonly isMainFrame: boolean;
  preventDefault(): void;
}

/** The slice of Electron's WebContents this guard touches; tests pass a fake. */
export interface GuardableContents {
  on(event: 'will-frame-navigate', listener: (event: FrameNavigationEvent) => void): unknown;
  on(event: 'will-redirect', listener: (event: FrameNavigationEvent) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface GuardOptions {
  readonly appOrigin: string;
  /** shell.openExternal; only ever called with a checked http(s) href. */
  openExternal(href: string): Promise<void>;
}

/**
 * Keeps every webContents on the app's origin. Leaving it would hand the page's
 * preload bridge to whatever site loads next. A link the user follows out of the
 * app (a top-level navigation or window.open to http(s)) opens in the default
 * browser instead; everything else is dropped.
 */
export function guardWebContents(contents: GuardableContents, options: GuardOptions): void {
  const openOutside = (url: string): void => {
    const href = safeExternalHref(url);
    // A failure to launch a browser is not worth crashing main over.
    if (href !== null) options.openExternal(href).catch(() => undefined);
  };

  // Fires for the main frame and sub-frames alike, for page-initiated navigations.
  contents.on('will-frame-navigate', (event) => {
    if (isAllowedNavigation(event.url, options.appOrigin)) return;
    event.preventDefault();
    if (event.isMainFrame) openOutside(event.url);
  });

  // A same-origin request that the server redirects elsewhere is a navigation too.
  contents.on('will-redirect', (event) => {
    if (!isAllowedNavigation(event.url, options.appOrigin)) event.preventDefault();
  });

  // webviewTag is off; this refuses one even if a preference slips.
  contents.on('will-attach-webview', (event) => event.preventDefault());

  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url);
    return { action: 'deny' };
  });
}
