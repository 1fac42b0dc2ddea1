import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { postmortemOf } from '../schema/incident-doc';
import { LOCAL_ORIGIN, REMOTE_ORIGIN } from '../core/origins';
import { syncInto } from '../testing/fixtures';
import { applyBlockEdits } from './block-edits';
import { seedTemplateEdit } from './draft';
import { appendJsonToFragment, fragmentToJson } from './fragment-json';
import { parseSections } from './sections';
import { templateBlocks } from './template';

/*
 * "Start from template" on two peers, with the fragment written the way the
 * editor's binding does it: check blank, then write, in one synchronous step.
 */
const seed = (doc: Y.Doc): boolean => {
  const frag = postmortemOf(doc);
  const current = fragmentToJson(frag);
  const edit = seedTemplateEdit(current, templateBlocks());
  if (!edit) return false;
  doc.transact(() => {
    frag.delete(0, frag.length);
    appendJsonToFragment(frag, applyBlockEdits(current, [edit]));
  }, LOCAL_ORIGIN);
  return true;
};

const sections = templateBlocks().length / 2;

describe('seeding the template on two peers', () => {
  it('once the peers have synced, the second click adds nothing', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    expect(seed(a)).toBe(true);
    syncInto(a, b, REMOTE_ORIGIN);
    expect(seed(b)).toBe(false);
    syncInto(b, a, REMOTE_ORIGIN);
    expect(parseSections(fragmentToJson(postmortemOf(a))).duplicates).toEqual([]);
    expect(parseSections(fragmentToJson(postmortemOf(a))).sections.size).toBe(sections);
  });

  it('the residual race: peers that seed before syncing get every section twice, and it is detected', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    expect(seed(a)).toBe(true);
    expect(seed(b)).toBe(true);
    syncInto(a, b, REMOTE_ORIGIN);
    syncInto(b, a, REMOTE_ORIGIN);
    const merged = fragmentToJson(postmortemOf(a));
    expect(merged).toEqual(fragmentToJson(postmortemOf(b)));
    expect(merged.content).toHaveLength(2 * templateBlocks().length);
    expect(parseSections(merged).duplicates).toHaveLength(sections);
  });

  it('text typed on both peers at once survives the merge', () => {
    const a = new Y.Doc();
    seed(a);
    const b = new Y.Doc();
    syncInto(a, b, REMOTE_ORIGIN);
    // Each peer types into a different section's paragraph (blocks 1 and 3) before syncing.
    const typeInto = (doc: Y.Doc, block: number, text: string) =>
      doc.transact(() => {
        const p = postmortemOf(doc).get(block) as Y.XmlElement;
        const t = new Y.XmlText();
        p.insert(0, [t]);
        t.insert(0, text);
      }, LOCAL_ORIGIN);
    typeInto(a, 1, 'summary from A');
    typeInto(b, 3, 'impact from B');
    syncInto(a, b, REMOTE_ORIGIN);
    syncInto(b, a, REMOTE_ORIGIN);
    const parsed = parseSections(fragmentToJson(postmortemOf(a)));
    expect(parsed.sections.get('summary')!.lines).toEqual(['summary from A']);
    expect(parsed.sections.get('impact')!.lines).toEqual(['impact from B']);
  });
});
