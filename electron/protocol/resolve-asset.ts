import path from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-scheme';

/**
 * The file under `root` that an app:// request names, or null when it names
 * none: another host, an undecodable path, a NUL byte, or anything that would
 * land outside `root` after decoding (../, %2e%2e/, %2F, %5C on Windows,
 * absolute or drive paths). The URL parser already folds plain dot segments;
 * the decoded path is checked again because %-escapes survive parsing.
 * `pathApi` lets the tests check Windows path rules on any OS.
 */
export function resolveAppAssetPath(requestUrl: string, root: string, pathApi: path.PlatformPath = path): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host.toLowerCase() !== APP_HOST) return null;

  return resolvePathUnderRoot(url.pathname, root, pathApi);
}

/**
 * The file under `root` that a URL pathname (still %-encoded) names, or null.
 * Shared by the app:// handler and the LAN host's HTTP server.
 */
export function resolvePathUnderRoot(pathname: string, root: string, pathApi: path.PlatformPath = path): string | null {
  let relative: string;
  try {
    relative = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (relative.includes('\0')) return null;
  relative = relative.replace(/^\/+/, '');
  if (relative === '' || relative.endsWith('/')) relative += 'index.html';

  const base = pathApi.resolve(root);
  const resolved = pathApi.resolve(base, relative);
  const fromBase = pathApi.relative(base, resolved);
  if (fromBase === '' || fromBase.startsWith('..') || pathApi.isAbsolute(fromBase)) return null;
  return resolved;
}
