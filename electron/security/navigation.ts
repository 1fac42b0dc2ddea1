import { originOf } from './origin';

/** In-app navigation (a reload, a hash route) stays on the app's own origin; anything else is refused. */
export function isAllowedNavigation(url: string, appOrigin: string): boolean {
  const origin = originOf(url);
  return origin !== null && origin === appOrigin;
}

/**
 * The normalized href of a link that may be handed to the OS (shell.openExternal),
 * or null. Only http(s): other schemes (file:, smb:, custom app handlers) can run
 * programs or leak credentials. Credentials in the URL are refused because they
 * are a classic phishing disguise (https://trusted.com@evil.example).
 */
export function safeExternalHref(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  if (parsed.username !== '' || parsed.password !== '') return null;
  if (parsed.hostname === '') return null;
  return parsed.href;
}

export function isSafeExternalUrl(url: string): boolean {
  return safeExternalHref(url) !== null;
}
