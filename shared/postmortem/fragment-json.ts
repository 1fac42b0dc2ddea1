import * as Y from 'yjs';
import type { PmDoc, PmMark, PmNode } from './pm-json';

/*
 * The postmortem fragment <-> ProseMirror JSON, in y-prosemirror's encoding:
 * a node is a Y.XmlElement named after its type with its non-null attrs as XML
 * attributes; a run of text is one Y.XmlText whose formatting attributes are
 * the marks (mark name -> mark attrs). Lets shared/ export and import the
 * postmortem without loading the editor.
 */

/** y-prosemirror suffixes marks that may overlap themselves with "--<hash>". */
const markName = (attr: string): string => /^(.*)(--[a-zA-Z0-9+/=]{8})$/.exec(attr)?.[1] ?? attr;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const textNodes = (t: Y.XmlText): PmNode[] =>
  (t.toDelta() as { insert?: unknown; attributes?: Record<string, unknown> }[]).flatMap((d): PmNode[] => {
    if (typeof d.insert !== 'string' || d.insert === '') return [];
    const marks: PmMark[] = Object.entries(d.attributes ?? {}).map(([name, attrs]) =>
      isRecord(attrs) && Object.keys(attrs).length > 0 ? { type: markName(name), attrs: { ...attrs } } : { type: markName(name) },
    );
    return [marks.length > 0 ? { type: 'text', text: d.insert, marks } : { type: 'text', text: d.insert }];
  });

const elementNode = (el: Y.XmlElement): PmNode => {
  const node: PmNode = { type: el.nodeName };
  const attrs = el.getAttributes() as Record<string, unknown>;
  if (Object.keys(attrs).length > 0) node.attrs = { ...attrs };
  const content = childNodes(el);
  if (content.length > 0) node.content = content;
  return node;
};

const childNodes = (parent: Y.XmlFragment | Y.XmlElement): PmNode[] =>
  parent.toArray().flatMap((child): PmNode[] => {
    if (child instanceof Y.XmlText) return textNodes(child);
    if (child instanceof Y.XmlElement) return [elementNode(child)];
    return []; // Y.XmlHook or anything a peer made up: not ours to show.
  });

/** The postmortem as ProseMirror JSON. */
export const fragmentToJson = (fragment: Y.XmlFragment): PmDoc => ({ type: 'doc', content: childNodes(fragment) });

const marksToAttributes = (marks: PmMark[] | undefined): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const m of marks ?? []) out[m.type] = m.attrs ?? {};
  return out;
};

const writeChildren = (parent: Y.XmlFragment | Y.XmlElement, nodes: PmNode[]): void => {
  let i = 0;
  while (i < nodes.length) {
    const node = nodes[i]!;
    if (node.type === 'text') {
      // Consecutive text nodes share one Y.XmlText, as the editor's binding expects.
      const run: PmNode[] = [];
      while (i < nodes.length && nodes[i]!.type === 'text') run.push(nodes[i++]!);
      const t = new Y.XmlText();
      parent.insert(parent.length, [t]);
      t.applyDelta(run.map((n) => ({ insert: n.text ?? '', attributes: marksToAttributes(n.marks) })));
      continue;
    }
    const el = new Y.XmlElement(node.type);
    parent.insert(parent.length, [el]);
    for (const [k, v] of Object.entries(node.attrs ?? {})) if (v !== null && v !== undefined) el.setAttribute(k, v as string);
    writeChildren(el, node.content ?? []);
    i += 1;
  }
};

/**
 * Append `doc`'s blocks to `fragment`. Must run inside a transaction of the
 * fragment's document (the caller picks the origin).
 */
export const appendJsonToFragment = (fragment: Y.XmlFragment, doc: PmDoc): void => writeChildren(fragment, doc.content);
