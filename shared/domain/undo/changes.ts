import * as Y from 'yjs';
import { AUTHORED_ENTRY_KINDS } from '../../schema/types';
import type { TopLevelName } from '../../schema/incident-doc';
import { ENTRY_KEYS } from '../../schema/records/timeline';

/**
 * What one of this user's transactions changed, per record type, with the
 * values it replaced: the undo journal's raw material. Read from the Yjs
 * events while the transaction's observers run (the only time Yjs allows it).
 */
export type Change =
  | { record: 'timeline'; kind: 'added'; id: string; authored: boolean }
  | { record: 'timeline'; kind: 'field'; id: string; key: string; before: unknown; after: unknown }
  | { record: 'meta'; kind: 'field'; key: string; before: unknown; after: unknown }
  | { record: 'roles'; kind: 'field'; key: string; before: unknown; after: unknown }
  | { record: 'runbook'; kind: 'added'; id: string }
  | { record: 'runbook'; kind: 'field'; id: string; key: string; before: unknown; after: unknown }
  | { record: 'actions'; kind: 'added'; id: string }
  | { record: 'actions'; kind: 'field'; id: string; key: string; before: unknown; after: unknown }
  | { record: 'updates'; kind: 'added'; id: string }
  | { record: 'periods'; kind: 'changed' };

const AUTHORED = new Set<unknown>(AUTHORED_ENTRY_KINDS);
const idOf = (v: unknown): string => (v instanceof Y.Map ? String(v.get('id')) : typeof v === 'object' && v !== null ? String((v as { id?: unknown }).id) : '');

/** Key changes of a map event: before (undefined when added) and after (undefined when deleted). */
const keyChanges = (event: Y.YEvent<Y.AbstractType<unknown>>) => {
  const target = event.target as Y.Map<unknown>;
  return [...event.changes.keys].map(([key, { action, oldValue }]) => ({
    key,
    before: action === 'add' ? undefined : oldValue,
    after: action === 'delete' ? undefined : target.get(key),
  }));
};

const inserted = (event: Y.YEvent<Y.AbstractType<unknown>>): unknown[] => [...event.changes.added].flatMap((item) => item.content.getContent());

/**
 * The changes one deep-observer batch reports for a top-level type. Keys of
 * maps created in the same transaction have no events of their own (Yjs
 * reports only the insert), and a nested history (an entry's `edits`) is the
 * log of a change, never a change to undo.
 */
export const changesOf = (name: TopLevelName, root: Y.AbstractType<unknown>, events: Y.YEvent<Y.AbstractType<unknown>>[]): Change[] => {
  const out: Change[] = [];
  for (const event of events) {
    const isRoot = event.target === root;
    switch (name) {
      case 'meta':
      case 'roles':
        if (isRoot) for (const c of keyChanges(event)) out.push({ record: name, kind: 'field', ...c });
        break;
      case 'timeline':
        if (isRoot) {
          for (const m of inserted(event)) out.push({ record: 'timeline', kind: 'added', id: idOf(m), authored: m instanceof Y.Map && AUTHORED.has(m.get(ENTRY_KEYS.kind)) });
        } else if (event.target.parent === root && event.target instanceof Y.Map) {
          for (const c of keyChanges(event)) if (c.key !== ENTRY_KEYS.edits) out.push({ record: 'timeline', kind: 'field', id: idOf(event.target), ...c });
        }
        break;
      case 'runbook':
      case 'actions':
        if (isRoot) for (const m of inserted(event)) out.push({ record: name, kind: 'added', id: idOf(m) });
        else if (event.target.parent === root && event.target instanceof Y.Map) {
          for (const c of keyChanges(event)) out.push({ record: name, kind: 'field', id: idOf(event.target), ...c });
        }
        break;
      case 'updates':
        if (isRoot) for (const u of inserted(event)) out.push({ record: 'updates', kind: 'added', id: idOf(u) });
        break;
      case 'periods':
        // A shift that was opened, ended or acknowledged is history, like a posted update: revert refuses it.
        if (events.length > 0 && !out.some((c) => c.record === 'periods')) out.push({ record: 'periods', kind: 'changed' });
        break;
      case 'postmortem':
        // The postmortem editor has its own undo, bound to its own origin.
        break;
      case 'evidence':
        // A signed statement is written with the change it states and is never taken back: undo signs its own.
        break;
      default: {
        const unhandled: never = name;
        throw new Error(`no undo changes for ${String(unhandled)}`);
      }
    }
  }
  return out;
};
