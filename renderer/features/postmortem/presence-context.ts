import { createContext } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type { CaretUser, DescribeUser } from './presence-carets';

/**
 * How sync hands the postmortem its awareness, without the war room's pane list
 * knowing: wrap the war room in a provider with the incident's awareness (and,
 * if sync does not set it itself, the local user's name and colour; or
 * `describeUser` to read them from where presence keeps them). Keep the value
 * stable (useMemo): a new awareness or describeUser makes a new editor.
 */
export interface EditorPresence {
  awareness: Awareness | null;
  user?: CaretUser | null;
  describeUser?: DescribeUser | null;
}

export const EditorPresenceContext = createContext<EditorPresence>({ awareness: null });
