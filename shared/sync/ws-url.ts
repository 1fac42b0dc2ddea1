/**
 * Signaling servers and relays are WebSocket endpoints. Only ws:// and wss://
 * are accepted: an invite is pasted from chat, and anything else (http:,
 * javascript:, file:) has no business there. A regex rather than `URL`, which
 * shared/ does not assume to exist.
 */
const WS_URL = /^wss?:\/\/([A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?|\[[0-9A-Fa-f:.]{2,45}\])(:\d{1,5})?(\/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*)?$/i;

export const MAX_URL_LENGTH = 512;

export const isWebSocketUrl = (text: string): boolean => {
  if (text.length > MAX_URL_LENGTH) return false;
  const m = WS_URL.exec(text);
  if (!m) return false;
  const port = m[2] ? Number(m[2].slice(1)) : 0;
  return port <= 65535;
};

/**
 * Split free text (one URL per line, or separated by spaces or commas) into a
 * de-duplicated list, reporting the entries that are not ws(s) URLs.
 */
export const parseUrlList = (text: string): { urls: string[]; invalid: string[] } => {
  const urls: string[] = [];
  const invalid: string[] = [];
  for (const part of text.split(/[\s,]+/)) {
    if (part === '') continue;
    const url = part.replace(/\/+$/, '');
    if (!isWebSocketUrl(url)) invalid.push(part);
    else if (!urls.includes(url)) urls.push(url);
  }
  return { urls, invalid };
};
