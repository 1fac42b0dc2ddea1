import type { Editor } from '@tiptap/core';
import { orderForApplying, type BlockEdit } from '@shared/postmortem/block-edits';

/**
 * Apply planned block edits as ONE ProseMirror transaction: one undo step, and
 * the Yjs binding writes it in one Yjs transaction. Runs synchronously from the
 * editor's current state, so no remote change can slip in between the plan
 * (made from `editor.getJSON()` in the same task) and the write.
 */
export const applyEdits = (editor: Editor, edits: readonly BlockEdit[]): void => {
  const { state } = editor;
  const starts: number[] = [];
  state.doc.forEach((_node, offset) => starts.push(offset));
  const end = state.doc.content.size;
  const pos = (index: number) => (index < starts.length ? starts[index]! : end);
  const tr = state.tr;
  // Later edits first: positions before an edit do not move.
  for (const e of orderForApplying(edits)) {
    tr.replaceWith(pos(e.at), pos(e.at + e.deleteCount), e.blocks.map((b) => state.schema.nodeFromJSON(b)));
  }
  editor.view.dispatch(tr.scrollIntoView());
};
