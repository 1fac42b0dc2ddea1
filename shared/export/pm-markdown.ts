import type { PmMark, PmNode } from '../postmortem/pm-json';
import { codeSpan, escapeInline, escapeLineStart, safeLinkTarget } from './markdown-text';

/** ProseMirror JSON to GitHub Markdown: the nodes and marks of the postmortem editor. */

/** Emphasis marks nest in this fixed order, so a change of inner mark never reopens an outer one. */
const EMPHASIS: Record<string, string> = { bold: '**', italic: '*', strike: '~~' };
const EMPHASIS_ORDER = Object.keys(EMPHASIS);

const emphasisOf = (marks: PmMark[] | undefined): string[] =>
  EMPHASIS_ORDER.filter((name) => (marks ?? []).some((m) => m.type === name));

const leaf = (node: PmNode, core: string): string => {
  const marks = node.marks ?? [];
  let out = marks.some((m) => m.type === 'code') ? codeSpan(core) : escapeInline(core);
  const link = marks.find((m) => m.type === 'link');
  const target = link ? safeLinkTarget(link.attrs?.href) : null;
  if (target) out = `[${out}](${target})`;
  return out;
};

/**
 * Inline content. Delimiters open and close as a stack, and whitespace stays
 * outside them, because "** bold**" is not bold in CommonMark.
 */
export const inlineMarkdown = (nodes: PmNode[]): string => {
  let out = '';
  let active: string[] = [];
  let trail = '';
  const closeTo = (k: number) => {
    for (const m of active.slice(k).reverse()) out += EMPHASIS[m];
    active = active.slice(0, k);
  };
  for (const node of nodes) {
    if (node.type === 'hardBreak') {
      closeTo(0);
      out += `${trail}\\\n`;
      trail = '';
      continue;
    }
    if (node.type !== 'text' || !node.text) continue;
    const [, lead = '', core = '', tail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(node.text) ?? [];
    const want = core ? emphasisOf(node.marks) : active;
    let k = 0;
    while (k < active.length && k < want.length && active[k] === want[k]) k++;
    closeTo(k);
    out += trail + lead;
    trail = tail;
    if (!core) continue;
    for (const m of want.slice(k)) out += EMPHASIS[m];
    active = want;
    out += leaf(node, core);
  }
  closeTo(0);
  return out + trail;
};

const indent = (text: string, first: string, rest: string): string =>
  text
    .split('\n')
    .map((line, i) => (i === 0 ? first + line : line ? rest + line : line))
    .join('\n');

const listItems = (node: PmNode, ordered: boolean): string => {
  const start = ordered && typeof node.attrs?.start === 'number' ? node.attrs.start : 1;
  return (node.content ?? [])
    .map((item, i) => {
      const marker = ordered ? `${start + i}. ` : '- ';
      const body = blocksMarkdown(item.content ?? [], '\n') || '';
      return indent(body, marker, ' '.repeat(marker.length));
    })
    .join('\n');
};

const fence = (code: string): string => '`'.repeat(Math.max(3, ...(code.match(/`{3,}/g) ?? []).map((r) => r.length + 1)));

export const blockMarkdown = (node: PmNode): string => {
  switch (node.type) {
    case 'paragraph':
      return inlineMarkdown(node.content ?? [])
        .split('\n')
        .map(escapeLineStart)
        .join('\n');
    case 'heading': {
      const level = typeof node.attrs?.level === 'number' ? Math.min(6, Math.max(1, node.attrs.level)) : 2;
      const text = inlineMarkdown((node.content ?? []).filter((n) => n.type !== 'hardBreak'));
      return text ? `${'#'.repeat(level)} ${text}` : '';
    }
    case 'bulletList':
      return listItems(node, false);
    case 'orderedList':
      return listItems(node, true);
    case 'blockquote':
      return blocksMarkdown(node.content ?? [], '\n\n')
        .split('\n')
        .map((l) => (l ? `> ${l}` : '>'))
        .join('\n');
    case 'codeBlock': {
      const code = (node.content ?? []).map((n) => n.text ?? '').join('');
      const f = fence(code);
      const lang = typeof node.attrs?.language === 'string' ? node.attrs.language.replace(/[^\w+-]/g, '') : '';
      return `${f}${lang}\n${code}\n${f}`;
    }
    case 'horizontalRule':
      return '---';
    default:
      // A node this exporter does not know: keep its text rather than lose it.
      return (node.content ?? []).map(blockMarkdown).filter(Boolean).join('\n\n');
  }
};

export const blocksMarkdown = (nodes: PmNode[], separator = '\n\n'): string =>
  nodes
    .map(blockMarkdown)
    .filter((s) => s !== '')
    .join(separator);
