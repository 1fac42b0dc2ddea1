import type * as Y from 'yjs';
import { LOCAL_ORIGIN, REDO_ORIGIN, UNDO_ORIGIN } from '../../core/origins';
import type { OpContext } from '../../core/context';
import { isDomainError } from '../../core/errors';
import { TOP_LEVEL_NAMES, TOP_LEVEL_TYPES } from '../../schema/incident-doc';
import { changesOf, type Change } from './changes';
import { revertChanges, type Direction } from './revert';

export type UndoOutcome = { ok: true; label: string } | { ok: false; message: string };

/**
 * Undo and redo for one incident, for this user's own changes only, that never
 * erase the record. Y.UndoManager undoes by deleting what a transaction
 * inserted: that removed observations, status changes, handoffs and posted
 * updates from the timeline. Here a step is the list of changes one of this
 * user's transactions made (read from the Yjs events), and undoing it writes a
 * new, logged change that takes it back (see revert.ts). Redo takes back the
 * undo the same way.
 */
export class UndoJournal {
  private undoStack: Change[][] = [];
  private redoStack: Change[][] = [];
  private pending = new Map<Y.Transaction, Change[]>();
  private readonly stops: (() => void)[] = [];

  constructor(private readonly doc: Y.Doc) {
    for (const name of TOP_LEVEL_NAMES) {
      const type = TOP_LEVEL_TYPES[name](doc) as Y.AbstractType<unknown>;
      const observer = (events: Y.YEvent<Y.AbstractType<unknown>>[], tr: Y.Transaction) => {
        if (tr.origin !== LOCAL_ORIGIN && tr.origin !== UNDO_ORIGIN && tr.origin !== REDO_ORIGIN) return;
        const found = changesOf(name, type, events);
        if (found.length > 0) this.pending.set(tr, [...(this.pending.get(tr) ?? []), ...found]);
      };
      type.observeDeep(observer);
      this.stops.push(() => type.unobserveDeep(observer));
    }
    const onAfter = (tr: Y.Transaction) => {
      const changes = this.pending.get(tr);
      this.pending.delete(tr);
      if (!changes) return;
      if (tr.origin === LOCAL_ORIGIN) {
        this.undoStack.push(changes);
        this.redoStack = [];
      } else if (tr.origin === UNDO_ORIGIN) this.redoStack.push(changes);
      else if (tr.origin === REDO_ORIGIN) this.undoStack.push(changes);
    };
    doc.on('afterTransaction', onAfter);
    this.stops.push(() => doc.off('afterTransaction', onAfter));
  }

  canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  undo(ctx: OpContext): UndoOutcome | null {
    return this.step(ctx, 'undo');
  }

  redo(ctx: OpContext): UndoOutcome | null {
    return this.step(ctx, 'redo');
  }

  /**
   * Take back the latest step in one transaction. A step that cannot be taken
   * back (a posted update; a field someone changed since) is dropped from the
   * stack with the reason, so the next undo reaches the one before it.
   */
  private step(ctx: OpContext, direction: Direction): UndoOutcome | null {
    const stack = direction === 'undo' ? this.undoStack : this.redoStack;
    const changes = stack.pop();
    if (!changes) return null;
    let label = '';
    try {
      // Checks run before any write, so a refusal leaves no empty transaction's worth of change behind.
      this.doc.transact(() => {
        label = revertChanges(this.doc, ctx, changes, direction);
      }, direction === 'undo' ? UNDO_ORIGIN : REDO_ORIGIN);
    } catch (e) {
      if (isDomainError(e)) return { ok: false, message: e.message };
      throw e;
    }
    return { ok: true, label: `${direction === 'undo' ? 'Undone' : 'Redone'}: ${label}.` };
  }

  destroy(): void {
    for (const stop of this.stops) stop();
  }
}

const journals = new WeakMap<Y.Doc, UndoJournal>();

/** One journal per document for the window's life, so the history survives switching panes and leaving the war room. */
export const undoJournalFor = (doc: Y.Doc): UndoJournal => {
  let j = journals.get(doc);
  if (!j) journals.set(doc, (j = new UndoJournal(doc)));
  return j;
};
