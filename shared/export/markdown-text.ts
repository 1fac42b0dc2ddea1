/*
 * Escaping for GitHub-flavoured Markdown. Text from people must render as the
 * same text, never as formatting, links, HTML or a broken table.
 */

/** Characters that start or end inline syntax anywhere in a line (GFM tables add the pipe). */
export const escapeInline = (s: string): string =>
  s.replace(/[\\`*_[\]<>~|]/g, '\\$&').replace(/&(?=#?[a-zA-Z0-9]+;)/g, '&amp;');

/** A line that would otherwise start a heading, list, quote, rule or setext underline. */
export const escapeLineStart = (line: string): string =>
  line.replace(/^(\s*)([#+=-])/, '$1\\$2').replace(/^(\s*\d+)([.)])(?=\s|$)/, '$1\\$2');

/** Every line-break form Markdown renderers honour: CRLF, a lone CR, LF, NEL, and the Unicode line and paragraph separators. */
export const LINE_BREAKS = /\r\n|[\r\n\u0085\u2028\u2029]/g;

/** One table cell: inline escaping, and every line break as <br> because a cell is one line. */
export const tableCell = (s: string): string => escapeInline(s.trim()).replace(LINE_BREAKS, '<br>');

/** Text that must stay on one line (a heading, a list item's lead): breaks become spaces. */
export const oneLine = (s: string): string => s.replace(LINE_BREAKS, ' ');

/** A GFM table; every row must have as many cells as the header. */
export const table = (header: string[], rows: string[][]): string =>
  [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

/** `code` with a fence longer than any backtick run inside, padded when it starts or ends with one. */
export const codeSpan = (s: string): string => {
  const longest = Math.max(0, ...(s.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = s.startsWith('`') || s.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${s}${pad}${fence}`;
};

/** Links we write out: web and mail only; anything else becomes plain text. */
export const safeLinkTarget = (href: unknown): string | null => {
  if (typeof href !== 'string') return null;
  const h = href.trim();
  if (!/^(https?:\/\/|mailto:)/i.test(h)) return null;
  return h.replace(/[\s()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
};

/** "2024-01-01 14:32:05": seconds, in UTC; the column header says UTC. */
export const utcSeconds = (t: number): string => new Date(t).toISOString().slice(0, 19).replace('T', ' ');
