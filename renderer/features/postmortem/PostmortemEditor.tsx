import { EditorContent } from '@tiptap/react';
import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import { sectionTitle } from '@shared/postmortem/template';
import type { CaretUser, DescribeUser } from './presence-carets';
import { PostmortemToolbar } from './PostmortemToolbar';
import { useEditorFacts, usePostmortemEditor } from './use-postmortem-editor';
import './postmortem.css';

export interface PostmortemEditorProps {
  doc: Y.Doc;
  /** The incident's awareness, for other people's carets; none until sync provides it. */
  awareness?: Awareness | null;
  /** The local user for carets, if the awareness does not carry it already. */
  user?: CaretUser | null;
  /** Where the awareness keeps a peer's name and colour, if not in its `user` field. */
  describeUser?: DescribeUser | null;
}

/**
 * The postmortem: TipTap bound to the incident's Yjs fragment, so everyone in
 * the room types into the same document at once. Its writes reach Yjs through
 * the binding with y-tiptap's own transaction origin (the binding needs it to
 * tell its own changes from a peer's); they are local edits like LOCAL_ORIGIN,
 * are persisted and synced the same way, and are undone by the editor's Yjs undo.
 */
export const PostmortemEditor = ({ doc, awareness = null, user = null, describeUser = null }: PostmortemEditorProps) => {
  const editor = usePostmortemEditor(doc, awareness, user, describeUser);
  const facts = useEditorFacts(editor);
  return (
    <div className="pm">
      <PostmortemToolbar editor={editor} doc={doc} facts={facts} />
      {facts.duplicates.length > 0 && (
        <p className="pm-warning" role="note">
          Some sections appear twice ({facts.duplicates.map((s) => sectionTitle(s)).join(', ')}), probably because two people started from
          the template at the same moment. Move any text into the first copy and delete the second.
        </p>
      )}
      <EditorContent editor={editor} className="pm-content" />
    </div>
  );
};
