/**
 * The browser's stand-in for the desktop's warroom:// deep link: the LAN host's
 * QR code opens http://<host>:<port>/#join=<invite>. The fragment is never sent
 * to a server, so the invite's secret stays between the page and the phone or
 * laptop that scanned it.
 */
export const JOIN_HASH_PREFIX = '#join=';

/** The invite in a `#join=` fragment, or null. Validation is left to the invite parser. */
export const inviteFromHash = (hash: string): string | null => {
  if (!hash.startsWith(JOIN_HASH_PREFIX)) return null;
  let code: string;
  try {
    code = decodeURIComponent(hash.slice(JOIN_HASH_PREFIX.length));
  } catch {
    return null;
  }
  code = code.replace(/\s+/g, '');
  return code === '' ? null : code;
};

/** The page URL with the invite in its fragment, for the QR code. */
export const joinUrl = (pageUrl: string, invite: string): string => `${pageUrl.replace(/#.*$/, '')}${JOIN_HASH_PREFIX}${invite}`;
