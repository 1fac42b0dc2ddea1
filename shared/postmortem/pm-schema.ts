import { z } from 'zod';
import type { PmDoc, PmNode } from './pm-json';

/**
 * What a postmortem may contain: the nodes and marks of the editor (TipTap's
 * StarterKit). An imported file holding anything else is refused, because the
 * editor's Yjs binding deletes content its schema cannot show.
 */
export const PM_NODE_TYPES = [
  'paragraph',
  'text',
  'heading',
  'bulletList',
  'orderedList',
  'listItem',
  'blockquote',
  'codeBlock',
  'horizontalRule',
  'hardBreak',
] as const;
export const PM_MARK_TYPES = ['bold', 'italic', 'strike', 'code', 'underline', 'link'] as const;

const MAX_TEXT_NODE = 100_000;
const attrValue = z.union([z.string().max(2_000), z.number(), z.boolean(), z.null()]);
const attrsSchema = z.record(z.string().max(64), attrValue);

/** A link that would run script when clicked is not a link. */
const safeHref = (href: unknown): boolean => typeof href === 'string' && !/^\s*(javascript|data|vbscript):/i.test(href);

const markSchema = z
  .strictObject({ type: z.enum(PM_MARK_TYPES), attrs: attrsSchema.optional() })
  .refine((m) => m.type !== 'link' || safeHref(m.attrs?.href), 'a link needs a safe href');

export const pmNodeSchema: z.ZodType<PmNode> = z.lazy(() =>
  z
    .strictObject({
      type: z.enum(PM_NODE_TYPES),
      attrs: attrsSchema.optional(),
      content: z.array(pmNodeSchema).max(50_000).optional(),
      text: z.string().min(1, 'a text node is empty').max(MAX_TEXT_NODE).optional(),
      marks: z.array(markSchema).max(20).optional(),
    })
    .superRefine((n, ctx) => {
      const isText = n.type === 'text';
      if (isText && (n.text === undefined || n.content !== undefined)) ctx.addIssue({ code: 'custom', message: 'a text node needs text and no content' });
      if (!isText && (n.text !== undefined || n.marks !== undefined)) ctx.addIssue({ code: 'custom', message: `a ${n.type} node cannot have text or marks` });
      if (n.type === 'heading') {
        const level = n.attrs?.level;
        if (typeof level !== 'number' || !Number.isInteger(level) || level < 1 || level > 6) {
          ctx.addIssue({ code: 'custom', message: 'a heading needs a level from 1 to 6' });
        }
      }
    }),
);

const BLOCK = new Set(['paragraph', 'heading', 'blockquote', 'bulletList', 'orderedList', 'codeBlock', 'horizontalRule']);
const INLINE = new Set(['text', 'hardBreak']);

/**
 * Where each node may be, as the editor's schema (TipTap's StarterKit) says:
 * a document holds blocks; a paragraph or heading holds text and hard breaks;
 * a list holds list items, each a paragraph and then blocks; a quote holds
 * blocks; a code block holds only unmarked text. The editor's Yjs binding
 * cannot show anything else (it threw, or left "Loading the editor…"), so an
 * import with it is refused and a document with it is not handed to the editor.
 */
export const pmContentIssue = (node: PmNode, path = 'the document'): string | null => {
  const kids = node.content ?? [];
  const allow = (ok: (c: PmNode, i: number) => boolean, what: string): string | null => {
    for (const [i, c] of kids.entries()) if (!ok(c, i)) return `${path} holds a ${c.type} where ${what} belong`;
    return null;
  };
  let issue: string | null = null;
  switch (node.type) {
    case 'doc':
    case 'blockquote':
      issue = allow((c) => BLOCK.has(c.type), 'only blocks');
      if (!issue && node.type === 'blockquote' && kids.length === 0) issue = `${path} holds an empty quote`;
      break;
    case 'paragraph':
    case 'heading':
      issue = allow((c) => INLINE.has(c.type), 'only text');
      break;
    case 'bulletList':
    case 'orderedList':
      issue = kids.length === 0 ? `${path} holds an empty list` : allow((c) => c.type === 'listItem', 'only list items');
      break;
    case 'listItem':
      issue = kids[0]?.type !== 'paragraph' ? `${path} holds a list item that does not start with a paragraph` : allow((c, i) => (i === 0 ? c.type === 'paragraph' : BLOCK.has(c.type)), 'only blocks');
      break;
    case 'codeBlock':
      issue = allow((c) => c.type === 'text' && (c.marks ?? []).length === 0, 'only plain text');
      break;
    case 'horizontalRule':
    case 'hardBreak':
    case 'text':
      issue = kids.length > 0 ? `${path} holds content inside a ${node.type}` : null;
      break;
  }
  if (issue) return issue;
  for (const [i, c] of kids.entries()) {
    const inner = pmContentIssue(c, `${c.type} ${i + 1} of ${path}`);
    if (inner) return inner;
  }
  return null;
};

export const pmDocSchema: z.ZodType<PmDoc> = z
  .strictObject({
    type: z.literal('doc'),
    content: z.array(pmNodeSchema).max(50_000),
  })
  .superRefine((doc, ctx) => {
    const issue = pmContentIssue(doc as PmDoc);
    if (issue) ctx.addIssue({ code: 'custom', message: `${issue}, which the editor cannot show` });
  });

/** Real documents nest a few levels (lists in quotes in lists); this bounds the recursive schema. */
export const MAX_PM_DEPTH = 100;

/** Whether `value` nests at most `limit` levels of `content`, checked without recursion. */
export const pmDepthWithin = (value: unknown, limit = MAX_PM_DEPTH): boolean => {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (depth > limit) return false;
    const content = typeof v === 'object' && v !== null ? (v as { content?: unknown }).content : undefined;
    if (Array.isArray(content)) for (const c of content) stack.push([c, depth + 1]);
  }
  return true;
};
