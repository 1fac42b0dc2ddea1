import type * as Y from 'yjs';
import { IMPORT_ORIGIN, REMOTE_ORIGIN, RESTORE_ORIGIN } from '../../core/origins';
import type { OpContext } from '../../core/context';
import { appendEntry } from '../doc-access';
import { timelineProjectionOf } from '../timeline/timeline-projection';
import { postmortemOf, actionsOf, runbookOf, updatesOf, timelineOf } from '../../schema/incident-doc';
import { actionsRecord } from '../../schema/records/actions';
import { runbookRecord } from '../../schema/records/runbook';
import { updatesRecord } from '../../schema/records/updates';
import { entryMap, idsIn } from '../../schema/records/timeline';
import { stepMap } from '../../schema/records/runbook';
import { actionMap } from '../../schema/records/actions';
import { appendAll, copy } from '../../schema/records/fields';
import { appendJsonToFragment, fragmentToJson } from '../../postmortem/fragment-json';
import { heading, isBlankDoc, plainText, type PmDoc } from '../../postmortem/pm-json';
import type { ActionItem, RunbookStep, StakeholderUpdate, TimelineEntry } from '../../schema/types';

/*
 * Nothing in the record is erased by a peer. Warroom never deletes an entry,
 * a step, an action item or an update, so a change from elsewhere that does is
 * a broken or hostile peer; one that empties most of the postmortem at once
 * may be too. Yjs will merge such a change like any other, so this guard keeps
 * what it removed (from this window's copy) and offers to put it back in one
 * action, logged in the timeline.
 */

export interface MassDeletion {
  /** "timeline entries", "runbook steps", "the postmortem"… */
  what: string;
  count: number;
  /** When it arrived (this device's clock). */
  at: number;
  /** The origin of the transaction that deleted it: the sync provider, an import. */
  origin: unknown;
  restore(ctx: OpContext): void;
}

/** Origins that are this window's own doing (or its own disk), never guarded. */
const isOwn = (origin: unknown, own: ReadonlySet<unknown>): boolean =>
  own.has(origin) || (typeof origin === 'object' && origin !== null && 'getState' in origin); // the postmortem editor's plugin key

/** A postmortem change from elsewhere that removes at least this share of its text (and this many characters) is guarded. */
const POSTMORTEM_SHARE = 0.5;
const POSTMORTEM_MIN_CHARS = 200;

const textLength = (pm: PmDoc) => pm.content.map(plainText).join('\n').length;

export const watchDeletions = (doc: Y.Doc, own: ReadonlySet<unknown>, now: () => number, report: (d: MassDeletion) => void): (() => void) => {
  const remote = (origin: unknown) => origin === REMOTE_ORIGIN || origin === IMPORT_ORIGIN || !isOwn(origin, own);
  const stops: (() => void)[] = [];

  const restoreWith = (what: string, count: number, origin: unknown, write: () => void) => (ctx: OpContext) => {
    doc.transact(() => {
      write();
      appendEntry(doc, ctx, { kind: 'lifecycle', text: `Restored ${count} ${what} that a change from a peer had deleted`, occurredAt: ctx.now() });
    }, RESTORE_ORIGIN);
    void origin;
  };

  // Timeline: from the projection's copy of each entry as it read before.
  stops.push(
    timelineProjectionOf(doc).onDeleted((entries: TimelineEntry[], tr) => {
      if (!remote(tr.origin)) return;
      const kept = entries.map(copy);
      const what = kept.length === 1 ? 'timeline entry' : 'timeline entries';
      report({
        what,
        count: kept.length,
        at: now(),
        origin: tr.origin,
        restore: restoreWith(what, kept.length, tr.origin, () => {
          const have = idsIn(timelineOf(doc));
          appendAll(timelineOf(doc), kept.filter((e) => !have.has(e.id)).map(entryMap));
        }),
      });
    }),
  );

  // Steps, action items, updates and the postmortem: compared with a copy taken before each change from
  // elsewhere. The copy is refreshed lazily (only a type that changed since is read again, and only when a
  // change from elsewhere is about to land), so a stream of a peer's new entries reads nothing else.
  type Lists = { runbook: RunbookStep[]; actions: ActionItem[]; updates: StakeholderUpdate[]; postmortem: PmDoc };
  const readers: { [K in keyof Lists]: () => Lists[K] } = {
    runbook: () => runbookRecord.read(doc).value,
    actions: () => actionsRecord.read(doc).value,
    updates: () => updatesRecord.read(doc).value,
    postmortem: () => fragmentToJson(postmortemOf(doc)),
  };
  const types = { runbook: runbookOf(doc), actions: actionsOf(doc), updates: updatesOf(doc), postmortem: postmortemOf(doc) } as const;
  const names = Object.keys(types) as (keyof Lists)[];
  const copyOf: Partial<Lists> = {};
  const dirty = new Set<keyof Lists>(names);
  const onBefore = (tr: Y.Transaction) => {
    if (!remote(tr.origin)) return;
    for (const n of dirty) (copyOf as Record<string, unknown>)[n] = readers[n]();
    dirty.clear();
  };
  const onAfter = (tr: Y.Transaction) => {
    const changed = names.filter((n) => tr.changedParentTypes.has(types[n] as never) || tr.changed.has(types[n] as never));
    if (changed.length === 0) return;
    for (const n of changed) dirty.add(n);
    if (!remote(tr.origin) || tr.deleteSet.clients.size === 0) return;
    const was = { runbook: copyOf.runbook ?? [], actions: copyOf.actions ?? [], updates: copyOf.updates ?? [], postmortem: copyOf.postmortem ?? { type: 'doc' as const, content: [] } };
    const lists = [
      { key: 'runbook', what: ['runbook step', 'runbook steps'], items: was.runbook, arr: runbookOf(doc), write: (xs: RunbookStep[]) => appendAll(runbookOf(doc), xs.map(stepMap)) },
      { key: 'actions', what: ['action item', 'action items'], items: was.actions, arr: actionsOf(doc), write: (xs: ActionItem[]) => appendAll(actionsOf(doc), xs.map(actionMap)) },
      { key: 'updates', what: ['stakeholder update', 'stakeholder updates'], items: was.updates, arr: updatesOf(doc), write: (xs: StakeholderUpdate[]) => appendAll(updatesOf(doc), xs.map(copy)) },
    ] as const;
    for (const list of lists) {
      if (list.items.length === 0 || !changed.includes(list.key)) continue;
      const have = idsIn(list.arr as Y.Array<unknown>);
      const gone = (list.items as { id: string }[]).filter((x) => !have.has(x.id));
      if (gone.length === 0) continue;
      const what = list.what[gone.length === 1 ? 0 : 1];
      report({
        what,
        count: gone.length,
        at: now(),
        origin: tr.origin,
        restore: restoreWith(what, gone.length, tr.origin, () => {
          const still = idsIn(list.arr as Y.Array<unknown>);
          (list.write as (xs: unknown[]) => void)(gone.filter((x) => !still.has(x.id)).map(copy));
        }),
      });
    }
    const beforeChars = changed.includes('postmortem') ? textLength(was.postmortem) : 0;
    if (beforeChars >= POSTMORTEM_MIN_CHARS) {
      const after = fragmentToJson(postmortemOf(doc));
      const lost = beforeChars - textLength(after);
      if (lost >= beforeChars * POSTMORTEM_SHARE) {
        const kept = copy(was.postmortem);
        report({
          what: 'the postmortem',
          count: 1,
          at: now(),
          origin: tr.origin,
          restore: restoreWith('postmortem text', 1, tr.origin, () => {
            const fragment = postmortemOf(doc);
            if (isBlankDoc(fragmentToJson(fragment))) {
              fragment.delete(0, fragment.length);
              appendJsonToFragment(fragment, kept);
            } else {
              // Something was written since: keep it, and put the earlier text after it under its own heading.
              appendJsonToFragment(fragment, { type: 'doc', content: [heading(2, 'Restored text (deleted by a change from a peer)'), ...kept.content] });
            }
          }),
        });
      }
    }
  };
  doc.on('beforeTransaction', onBefore);
  doc.on('afterTransaction', onAfter);
  stops.push(() => doc.off('beforeTransaction', onBefore), () => doc.off('afterTransaction', onAfter));
  return () => stops.forEach((s) => s());
};
