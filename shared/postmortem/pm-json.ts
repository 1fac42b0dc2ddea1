/**
 * ProseMirror JSON (what `editor.getJSON()` returns and what y-prosemirror stores
 * in the `postmortem` Y.XmlFragment), as plain data. shared/ never loads TipTap:
 * these types and helpers are enough to draft, export and import a postmortem.
 */

export interface PmMark {
  type: string;
  attrs?: Record<string, unknown>;
}

export interface PmNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: PmNode[];
  text?: string;
  marks?: PmMark[];
}

export interface PmDoc extends PmNode {
  type: 'doc';
  content: PmNode[];
}

export const emptyDoc = (): PmDoc => ({ type: 'doc', content: [] });

export const textNode = (text: string, marks?: PmMark[]): PmNode => (marks && marks.length > 0 ? { type: 'text', text, marks } : { type: 'text', text });

/** A text node with no text is invalid in ProseMirror, so an empty paragraph has no content. */
export const paragraph = (...parts: (string | PmNode)[]): PmNode => {
  const content = parts.map((p) => (typeof p === 'string' ? textNode(p) : p)).filter((n) => n.type !== 'text' || n.text !== '');
  return content.length > 0 ? { type: 'paragraph', content } : { type: 'paragraph' };
};

export const heading = (level: number, text: string): PmNode => ({ type: 'heading', attrs: { level }, content: [textNode(text)] });

export const bulletList = (items: (string | PmNode)[][]): PmNode => ({
  type: 'bulletList',
  content: items.map((parts) => ({ type: 'listItem', content: [paragraph(...parts)] })),
});

/** The visible text of a node; a hard break counts as a newline. */
export const plainText = (node: PmNode): string => {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return '\n';
  return (node.content ?? []).map(plainText).join('');
};

/** A block with nothing a reader could see: an empty paragraph, say. A rule is content. */
export const isBlankBlock = (node: PmNode): boolean => node.type !== 'horizontalRule' && plainText(node).trim() === '';

export const isBlankDoc = (doc: PmDoc): boolean => doc.content.every(isBlankBlock);

/**
 * One line per paragraph or list item, for "is this already written" checks.
 * A list item's nested lists give their own lines.
 */
export const textLines = (node: PmNode): string[] => {
  if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'codeBlock') {
    const t = plainText(node).trim();
    return t ? [t] : [];
  }
  return (node.content ?? []).flatMap(textLines);
};

/** Collapse whitespace and case so a retyped line still matches. */
export const normalizeLine = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase();
