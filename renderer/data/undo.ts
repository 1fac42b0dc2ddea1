import * as Y from 'yjs';
import { LOCAL_ORIGIN } from '@shared/core/origins';
import { actionsOf, metaOf, postmortemOf, rolesOf, runbookOf, timelineOf, updatesOf } from '@shared/schema/incident-doc';

const managers = new WeakMap<Y.Doc, Y.UndoManager>();

/**
 * The undo history of one incident document: only this user's own edits
 * (LOCAL_ORIGIN), over every top-level type. A peer's change, a storage load or
 * an import is never undone. One manager per doc for the whole window, so the
 * history survives switching panes and leaving the war room.
 *
 * captureTimeout 0: each operation is one step, so two entries typed in quick
 * succession are undone one at a time.
 */
export const undoManagerFor = (doc: Y.Doc): Y.UndoManager => {
  let manager = managers.get(doc);
  if (!manager) {
    const scope = [metaOf(doc), rolesOf(doc), timelineOf(doc), runbookOf(doc), actionsOf(doc), updatesOf(doc), postmortemOf(doc)];
    manager = new Y.UndoManager(scope, { trackedOrigins: new Set([LOCAL_ORIGIN]), captureTimeout: 0 });
    managers.set(doc, manager);
  }
  return manager;
};
