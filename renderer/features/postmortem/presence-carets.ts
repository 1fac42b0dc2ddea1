import { Extension } from '@tiptap/core';
import { yCursorPlugin } from '@tiptap/y-tiptap';
import type { Awareness } from 'y-protocols/awareness';

export interface CaretUser {
  name: string;
  color: string;
}

/** Name and colour of a peer from their awareness state; the default reads the `user` field. */
export type DescribeUser = (state: Record<string, unknown> | undefined, clientId: number) => Partial<CaretUser> | null | undefined;

interface PresenceCaretOptions {
  awareness: Awareness | null;
  /** Set as the awareness `user` field when given; else whoever owns the awareness sets it. */
  user: CaretUser | null;
  /** Where presence keeps name and colour, if not in `user` (e.g. `(s) => s?.[PRESENCE_FIELD]`). */
  describeUser: DescribeUser | null;
}

/** A peer's caret: a coloured bar with their name, built with textContent so a name is never markup. */
const caret = (user: Partial<CaretUser> | undefined): HTMLElement => {
  const color = typeof user?.color === 'string' && /^#[0-9a-f]{3,8}$/i.test(user.color) ? user.color : '#4c8dff';
  const el = document.createElement('span');
  el.className = 'pm-caret';
  el.style.borderColor = color;
  const label = document.createElement('span');
  label.className = 'pm-caret-label';
  label.style.background = color;
  label.textContent = typeof user?.name === 'string' ? user.name.slice(0, 40) : 'someone';
  el.append(label);
  return el;
};

/**
 * Other people's cursors and selections in the postmortem, from Yjs awareness
 * (never persisted). This is what @tiptap/extension-collaboration-caret does,
 * on the y-tiptap cursor plugin directly, so the editor needs no more packages.
 * Without an awareness it adds nothing: sync wires one in when it exists.
 */
export const PresenceCarets = Extension.create<PresenceCaretOptions>({
  name: 'presenceCarets',
  addOptions: () => ({ awareness: null, user: null, describeUser: null }),
  addProseMirrorPlugins() {
    const { awareness, user, describeUser } = this.options;
    if (!awareness) return [];
    if (user) awareness.setLocalStateField('user', user);
    const cursorBuilder = (fallback: Partial<CaretUser>, clientId: number) =>
      caret((describeUser?.(awareness.getStates().get(clientId), clientId) as Partial<CaretUser> | undefined) ?? fallback);
    return [yCursorPlugin(awareness, { cursorBuilder })];
  },
});
