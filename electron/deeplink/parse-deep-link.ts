import { MAX_INVITE_LENGTH, parseInvite } from '../../shared/sync/invite';

/** warroom://join?invite=<code> or warroom://join/<code> opens the invite in the app. */
export const DEEP_LINK_SCHEME = 'warroom';

export interface JoinLink {
  kind: 'join';
  /** The invite code, checked with the invite parser (the renderer checks it again before joining). */
  invite: string;
}

const INVITE_SHAPE = /^warroom\d+\.[A-Za-z0-9_-]+$/;

/**
 * A deep link as the OS hands it over (argv on Windows and Linux, open-url on
 * macOS), or null. Any web page can make the browser open a warroom:// link,
 * so everything but the two join forms is refused: another host or path,
 * credentials, a port, extra parameters, a fragment, or an invite that does
 * not parse. Even a valid link only opens a confirmation in the app.
 */
export function parseDeepLink(link: string): JoinLink | null {
  if (typeof link !== 'string' || link.length > MAX_INVITE_LENGTH + 64) return null;
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return null;
  }
  if (url.protocol !== `${DEEP_LINK_SCHEME}:` || url.host.toLowerCase() !== 'join') return null;
  if (url.username !== '' || url.password !== '' || url.port !== '' || url.hash !== '') return null;

  const keys = [...url.searchParams.keys()];
  let raw: string | null;
  if (keys.length > 0) {
    // The query form: exactly one parameter, `invite`, and no path.
    if (keys.length !== 1 || keys[0] !== 'invite' || (url.pathname !== '' && url.pathname !== '/')) return null;
    raw = url.searchParams.get('invite');
  } else {
    // The path form: one segment; a trailing slash, which some launchers add, is tolerated.
    const segments = url.pathname.replace(/^\//, '').replace(/\/$/, '').split('/');
    if (segments.length !== 1 || url.search !== '') return null;
    try {
      raw = decodeURIComponent(segments[0] ?? '');
    } catch {
      return null;
    }
  }
  const invite = (raw ?? '').replace(/\s+/g, '');
  if (!INVITE_SHAPE.test(invite)) return null;
  try {
    parseInvite(invite);
  } catch {
    return null;
  }
  return { kind: 'join', invite };
}

/**
 * The deep link among command-line arguments (Windows and Linux start the app,
 * or a second instance, with the URL as an argument). Only an argument that is
 * itself a warroom:// URL counts; the last valid one wins.
 */
export function findDeepLink(argv: readonly string[]): JoinLink | null {
  let found: JoinLink | null = null;
  for (const arg of argv) {
    if (!arg.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}:`)) continue;
    found = parseDeepLink(arg) ?? found;
  }
  return found;
}
