import type { PmDoc, PmNode } from './pm-json';

/**
 * A change to the postmortem as plain data: replace `deleteCount` top-level
 * blocks at `at` with `blocks`. The renderer turns each into one ProseMirror
 * replace step, so every edit of a draft lands in one undoable transaction.
 * Indices refer to the document the edits were planned on; edits never overlap.
 */
export interface BlockEdit {
  at: number;
  deleteCount: number;
  blocks: PmNode[];
}

/** Later edits first, so the indices of earlier ones still hold. Ties keep their planned order. */
export const orderForApplying = (edits: readonly BlockEdit[]): BlockEdit[] =>
  edits
    .map((e, i) => ({ e, i }))
    .sort((a, b) => b.e.at - a.e.at || b.i - a.i)
    .map(({ e }) => e);

/** The same edits on plain JSON: what the editor will show after applying them. */
export const applyBlockEdits = (doc: PmDoc, edits: readonly BlockEdit[]): PmDoc => {
  const content = [...doc.content];
  for (const e of orderForApplying(edits)) content.splice(e.at, e.deleteCount, ...e.blocks);
  return { ...doc, content };
};
