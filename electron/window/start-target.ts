import { APP_ENTRY_URL, APP_ORIGIN } from '../protocol/app-scheme';

/** What the window loads, and the origin that is trusted for IPC, navigation and permissions. */
export interface StartTarget {
  readonly url: string;
  readonly origin: string;
}

/**
 * The bundled renderer on app://, or the Vite dev server when WARROOM_DEV_URL is
 * set. A malformed dev URL stops start-up with a clear message rather than
 * silently trusting some other origin.
 */
export function resolveStartTarget(devUrl: string | undefined): StartTarget {
  if (devUrl === undefined || devUrl.trim() === '') return { url: APP_ENTRY_URL, origin: APP_ORIGIN };
  let parsed: URL;
  try {
    parsed = new URL(devUrl);
  } catch {
    throw new Error(`WARROOM_DEV_URL is not a URL: ${JSON.stringify(devUrl)}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new Error(`WARROOM_DEV_URL must be an http(s) URL, got ${JSON.stringify(devUrl)}`);
  }
  return { url: parsed.href, origin: parsed.origin };
}
