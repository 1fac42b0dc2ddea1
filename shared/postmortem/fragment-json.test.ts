import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { postmortemOf } from '../schema/incident-doc';
import { IMPORT_ORIGIN } from '../core/origins';
import { appendJsonToFragment, fragmentToJson } from './fragment-json';
import { pmDocSchema } from './pm-schema';
import type { PmDoc } from './pm-json';

const rich: PmDoc = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Summary' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Bold ', marks: [{ type: 'bold' }] },
        { type: 'text', text: 'link', marks: [{ type: 'link', attrs: { href: 'https://example.com', target: '_blank' } }] },
        { type: 'hardBreak' },
        { type: 'text', text: 'after the break' },
      ],
    },
    {
      type: 'bulletList',
      content: [
        { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'one' }] }] },
        { type: 'listItem', content: [{ type: 'paragraph' }] },
      ],
    },
    { type: 'codeBlock', attrs: { language: 'sh' }, content: [{ type: 'text', text: 'kubectl rollout undo' }] },
    { type: 'horizontalRule' },
  ],
};

describe('fragment <-> ProseMirror JSON', () => {
  it('round-trips nodes, attributes, marks and hard breaks through a Y.XmlFragment', () => {
    const doc = new Y.Doc();
    doc.transact(() => appendJsonToFragment(postmortemOf(doc), rich), IMPORT_ORIGIN);
    expect(fragmentToJson(postmortemOf(doc))).toEqual(rich);
    expect(pmDocSchema.safeParse(rich).success).toBe(true);
  });

  it('survives an update to a second document, as a peer would see it', () => {
    const a = new Y.Doc();
    a.transact(() => appendJsonToFragment(postmortemOf(a), rich), IMPORT_ORIGIN);
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(fragmentToJson(postmortemOf(b))).toEqual(rich);
  });

  it('strips the hash y-prosemirror adds to marks that may overlap', () => {
    const doc = new Y.Doc();
    const frag = postmortemOf(doc);
    doc.transact(() => {
      const p = new Y.XmlElement('paragraph');
      frag.insert(0, [p]);
      const t = new Y.XmlText();
      p.insert(0, [t]);
      t.applyDelta([{ insert: 'x', attributes: { 'comment--AbCd1234': { id: 7 } } }]);
    });
    expect(fragmentToJson(frag).content[0]!.content![0]!.marks).toEqual([{ type: 'comment', attrs: { id: 7 } }]);
  });

  it('reads an empty fragment as an empty document', () => {
    expect(fragmentToJson(postmortemOf(new Y.Doc()))).toEqual({ type: 'doc', content: [] });
  });
});

describe('pmDocSchema', () => {
  it.each([
    ['an unknown node type', { type: 'doc', content: [{ type: 'iframe' }] }],
    ['an unknown mark', { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'blink' }] }] }] }],
    ['a script link', { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] }] }],
    ['an empty text node', { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '' }] }] }],
    ['text on a paragraph', { type: 'doc', content: [{ type: 'paragraph', text: 'x' }] }],
    ['a heading without level', { type: 'doc', content: [{ type: 'heading', content: [{ type: 'text', text: 'x' }] }] }],
    ['a nested doc', { type: 'doc', content: [{ type: 'doc', content: [] }] }],
    ['not a doc', { type: 'paragraph', content: [] }],
    ['an extra key', { type: 'doc', content: [], evil: true }],
  ])('refuses %s', (_what, value) => {
    expect(pmDocSchema.safeParse(value).success).toBe(false);
  });
});
