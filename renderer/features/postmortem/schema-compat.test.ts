import { describe, expect, it } from 'vitest';
import { getSchema } from '@tiptap/core';
import { Node } from '@tiptap/pm/model';
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { appendJsonToFragment, fragmentToJson } from '@shared/postmortem/fragment-json';
import { PM_MARK_TYPES, PM_NODE_TYPES, pmContentIssue, pmDocSchema } from '@shared/postmortem/pm-schema';
import { draftPostmortem } from '@shared/postmortem/draft';
import { applyBlockEdits } from '@shared/postmortem/block-edits';
import { templateBlocks } from '@shared/postmortem/template';
import { readIncident } from '@shared/schema/read-model';
import { postmortemOf } from '@shared/schema/incident-doc';
import { SAMPLE_POSTMORTEM, richIncident } from '@shared/testing/incident-fixture';
import type { PmDoc, PmNode } from '@shared/postmortem/pm-json';
import fc from 'fast-check';
import { schemaExtensions } from './editor-extensions';

/*
 * shared/ handles the postmortem as plain JSON without loading the editor. These
 * tests hold that JSON to the editor's real schema and to y-tiptap's own Yjs
 * encoding, so export, import and drafting cannot drift from what the editor does.
 */

const schema = getSchema(schemaExtensions());

const RICH: PmDoc = {
  type: 'doc',
  content: [
    ...SAMPLE_POSTMORTEM.content,
    { type: 'orderedList', attrs: { start: 2 }, content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'two', marks: [{ type: 'italic' }, { type: 'strike' }] }] }] }] },
    { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'code' }] }, { type: 'hardBreak' }, { type: 'text', text: 'y', marks: [{ type: 'underline' }] }] }] },
    { type: 'paragraph', content: [{ type: 'text', text: 'status page', marks: [{ type: 'link', attrs: { href: 'https://status.example.com' } }] }] },
    { type: 'codeBlock', attrs: { language: 'sh' }, content: [{ type: 'text', text: 'kubectl rollout undo' }] },
    { type: 'horizontalRule' },
    { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'Notes' }] },
  ],
};

describe('the editor schema and shared/postmortem agree', () => {
  it('imports accept exactly the nodes and marks the editor has', () => {
    expect(new Set(Object.keys(schema.nodes).filter((n) => n !== 'doc'))).toEqual(new Set(PM_NODE_TYPES));
    expect(new Set(Object.keys(schema.marks))).toEqual(new Set(PM_MARK_TYPES));
  });

  it('what the editor writes passes the import schema', () => {
    const node = Node.fromJSON(schema, RICH);
    expect(pmDocSchema.safeParse(JSON.parse(JSON.stringify(node.toJSON()))).success).toBe(true);
  });

  it('reads what y-tiptap writes', () => {
    const doc = new Y.Doc();
    doc.transact(() => prosemirrorJSONToYXmlFragment(schema, RICH, postmortemOf(doc)));
    expect(Node.fromJSON(schema, fragmentToJson(postmortemOf(doc))).eq(Node.fromJSON(schema, RICH))).toBe(true);
  });

  it('writes what y-tiptap reads', () => {
    const doc = new Y.Doc();
    doc.transact(() => appendJsonToFragment(postmortemOf(doc), RICH));
    expect(yXmlFragmentToProseMirrorRootNode(postmortemOf(doc), schema).eq(Node.fromJSON(schema, RICH))).toBe(true);
  });

  it('the template and a draft are valid documents of the editor schema', () => {
    const seeded: PmDoc = { type: 'doc', content: templateBlocks() };
    expect(() => Node.fromJSON(schema, seeded).check()).not.toThrow();
    const drafted = applyBlockEdits(seeded, draftPostmortem(readIncident(richIncident())!, seeded).edits);
    expect(() => Node.fromJSON(schema, drafted).check()).not.toThrow();
  });

  it('a JSON export of an incident the editor wrote imports into the same editor content', () => {
    const doc = richIncident();
    const pm = fragmentToJson(postmortemOf(doc));
    expect(() => Node.fromJSON(schema, pm).check()).not.toThrow();
  });
});

describe('where nodes may be: shared/postmortem agrees with the editor', () => {
  const t = (text: string, marks?: string[]): PmNode => (marks ? { type: 'text', text, marks: marks.map((type) => ({ type })) } : { type: 'text', text });
  const p = (...c: PmNode[]): PmNode => ({ type: 'paragraph', content: c });
  const editorAccepts = (doc: PmDoc): boolean => {
    try {
      schema.nodeFromJSON(doc).check();
      return true;
    } catch {
      return false;
    }
  };

  it.each<[string, PmNode[]]>([
    ['text at the top level', [t('loose')]],
    ['an orphan list item', [{ type: 'listItem', content: [p(t('x'))] }]],
    ['a list item that starts with a heading', [{ type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'heading', attrs: { level: 2 }, content: [t('h')] }] }] }]],
    ['a paragraph inside a paragraph', [p({ type: 'paragraph', content: [t('x')] })]],
    ['marked text in a code block', [{ type: 'codeBlock', content: [t('x', ['bold'])] }]],
    ['an empty list', [{ type: 'bulletList', content: [] }]],
    ['a hard break at the top level', [{ type: 'hardBreak' }]],
  ])('both refuse %s', (_what, content) => {
    const doc: PmDoc = { type: 'doc', content };
    expect(editorAccepts(doc)).toBe(false);
    expect(pmContentIssue(doc)).not.toBeNull();
    expect(pmDocSchema.safeParse(doc).success).toBe(false);
  });

  it('both accept the rich sample, and agree on random trees of the editor’s nodes', () => {
    expect(pmContentIssue(RICH)).toBeNull();
    expect(editorAccepts(RICH)).toBe(true);
    const leaf = fc.constantFrom<PmNode>(t('a'), t('b', ['bold']), { type: 'hardBreak' }, { type: 'horizontalRule' });
    const tree = fc.letrec<{ node: PmNode }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        fc.record({
          type: fc.constantFrom('paragraph', 'blockquote', 'bulletList', 'orderedList', 'listItem', 'codeBlock'),
          content: fc.array(tie('node'), { minLength: 1, maxLength: 3 }),
        }),
      ),
    })).node;
    fc.assert(
      fc.property(fc.array(tree, { minLength: 1, maxLength: 3 }), (content) => {
        const doc: PmDoc = { type: 'doc', content };
        expect(pmContentIssue(doc) === null).toBe(editorAccepts(doc));
      }),
      { numRuns: 500 },
    );
  });
});
