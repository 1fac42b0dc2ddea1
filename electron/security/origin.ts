/**
 * The origin of a URL as Chromium sees it, or null when it has none that we
 * could trust (file:, data:, about:blank, junk).
 *
 * Node's URL reports origin 'null' for any scheme it does not know, including
 * our app:// (Chromium knows it because we register it as a standard scheme),
 * so for non-special schemes we build scheme://host ourselves. The host is
 * lower-cased the way Chromium canonicalizes standard schemes.
 */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.origin !== 'null') return parsed.origin;
  if (parsed.protocol === 'file:' || parsed.host === '') return null;
  return `${parsed.protocol}//${parsed.host.toLowerCase()}`;
}
