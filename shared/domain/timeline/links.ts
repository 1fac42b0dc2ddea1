/**
 * The http(s) links in an entry's text, so they can be shown as links. A link
 * ends at white space; punctuation that ends a sentence (".", ",", ")", …) is
 * left out, unless a "(" inside the link opened that ")".
 */
export type TextPart = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

const URL_RE = /\bhttps?:\/\/[^\s<>"]+/gi;
const TRAILING = /[.,;:!?'"\]>]+$/;

const trimTrailing = (raw: string): string => {
  let url = raw.replace(TRAILING, '');
  while (url.endsWith(')') && (url.match(/\(/g)?.length ?? 0) < (url.match(/\)/g)?.length ?? 0)) url = url.slice(0, -1).replace(TRAILING, '');
  return url;
};

export const splitLinks = (text: string): TextPart[] => {
  const parts: TextPart[] = [];
  let at = 0;
  for (const m of text.matchAll(URL_RE)) {
    const url = trimTrailing(m[0]);
    // The pattern allows http(s) only; the platform checks the link again before the OS opens it.
    const href = url;
    const start = m.index;
    if (start > at) parts.push({ kind: 'text', text: text.slice(at, start) });
    parts.push({ kind: 'link', text: url, href });
    at = start + url.length;
  }
  if (at < text.length) parts.push({ kind: 'text', text: text.slice(at) });
  return parts;
};
