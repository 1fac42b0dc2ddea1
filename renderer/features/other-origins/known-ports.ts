/**
 * Which ports of this host hold Warroom data in this browser. IndexedDB is per
 * origin, port included, so the same browser on http://host:4444/ and on
 * http://host:50123/ sees two separate sets of incidents, and neither can read
 * the other's. Cookies are per host and not per port, so a cookie is where
 * each page can leave word for the others: "incidents are kept here too".
 */
export const COOKIE = 'warroom-ports';
const MAX_AGE_S = 400 * 24 * 3600;

/** The ports listed in a document.cookie string. */
export const portsFromCookie = (cookie: string): number[] => {
  const entry = cookie
    .split(';')
    .map((c) => c.trim())
    .find((c) => c.startsWith(`${COOKIE}=`));
  if (!entry) return [];
  const ports = decodeURIComponent(entry.slice(COOKIE.length + 1))
    .split(',')
    .map(Number)
    .filter((p) => Number.isInteger(p) && p > 0 && p <= 65535);
  return [...new Set(ports)];
};

/** The Set-Cookie string for `ports` (an empty list deletes the cookie). */
export const cookieFor = (ports: readonly number[]): string =>
  ports.length === 0
    ? `${COOKIE}=; Max-Age=0; Path=/; SameSite=Strict`
    : `${COOKIE}=${encodeURIComponent([...new Set(ports)].sort((a, b) => a - b).join(','))}; Max-Age=${MAX_AGE_S}; Path=/; SameSite=Strict`;

/** The page's port as a number; the scheme's default when the URL names none. */
export const portOf = (location: { protocol: string; port: string }): number =>
  location.port ? Number(location.port) : location.protocol === 'https:' ? 443 : 80;

/** The ports after this page has said whether it holds incidents. */
export const withThisPort = (ports: readonly number[], own: number, holdsIncidents: boolean): number[] =>
  holdsIncidents ? [...new Set([...ports, own])] : ports.filter((p) => p !== own);

/** The addresses of the other ports, for links. */
export const otherAddresses = (ports: readonly number[], location: { protocol: string; hostname: string; port: string }): string[] => {
  const own = portOf(location);
  const host = location.hostname.includes(':') ? `[${location.hostname}]` : location.hostname;
  return ports.filter((p) => p !== own).map((p) => `${location.protocol}//${host}:${p}/`);
};
