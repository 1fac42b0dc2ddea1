import type { Extensions } from '@tiptap/core';
import { Collaboration } from '@tiptap/extension-collaboration';
import { StarterKit } from '@tiptap/starter-kit';
import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import { PresenceCarets, type CaretUser, type DescribeUser } from './presence-carets';
import { SectionHints } from './section-hints';

/**
 * The nodes and marks of the postmortem. shared/postmortem/pm-schema.ts lists
 * the same ones for import; schema-compat.test.ts keeps the two in step.
 * - undoRedo off: Collaboration brings Yjs undo, which undoes only this user's edits.
 * - trailingNode off: every peer would append its own empty paragraph at the end.
 * - links never open on click: Electron blocks new windows, and a click is for editing.
 */
export const schemaExtensions = (): Extensions => [
  StarterKit.configure({ undoRedo: false, trailingNode: false, link: { openOnClick: false, autolink: true } }),
];

export interface EditorBinding {
  fragment: Y.XmlFragment;
  awareness?: Awareness | null;
  user?: CaretUser | null;
  describeUser?: DescribeUser | null;
}

export const editorExtensions = ({ fragment, awareness, user, describeUser }: EditorBinding): Extensions => [
  ...schemaExtensions(),
  Collaboration.configure({ fragment }),
  SectionHints,
  ...(awareness ? [PresenceCarets.configure({ awareness, user: user ?? null, describeUser: describeUser ?? null })] : []),
];
