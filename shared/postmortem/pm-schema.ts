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

export const pmDocSchema: z.ZodType<PmDoc> = z.strictObject({
  type: z.literal('doc'),
  content: z.array(pmNodeSchema).max(50_000),
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
