import { useEditor, useEditorState, type Editor } from '@tiptap/react';
import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import { postmortemOf } from '@shared/schema/incident-doc';
import { duplicateSections } from '@shared/postmortem/sections';
import type { SectionId } from '@shared/postmortem/template';
import { editorExtensions } from './editor-extensions';
import type { CaretUser, DescribeUser } from './presence-carets';

/** The editor bound to the incident's `postmortem` fragment; a new one when the doc or awareness changes. */
export const usePostmortemEditor = (
  doc: Y.Doc,
  awareness: Awareness | null,
  user: CaretUser | null,
  describeUser: DescribeUser | null,
): Editor | null =>
  useEditor(
    {
      extensions: editorExtensions({ fragment: postmortemOf(doc), awareness, user, describeUser }),
      editorProps: {
        attributes: {
          class: 'pm-editor',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': 'Postmortem text',
          'data-testid': 'postmortem-editor',
        },
      },
      immediatelyRender: true,
      shouldRerenderOnTransaction: false,
    },
    [doc, awareness, user?.name, user?.color, describeUser],
  );

export interface EditorFacts {
  /** Nothing written: the template may be offered. */
  blank: boolean;
  duplicates: SectionId[];
}

/** What the toolbar needs to know, recomputed per transaction from the top-level blocks only. */
export const useEditorFacts = (editor: Editor | null): EditorFacts =>
  useEditorState({
    editor,
    selector: ({ editor: e }): EditorFacts => {
      if (!e) return { blank: false, duplicates: [] };
      const headings: string[] = [];
      let blank = true;
      e.state.doc.forEach((node) => {
        if (node.type.name === 'heading') headings.push(node.textContent);
        if (node.type.name === 'horizontalRule' || node.textContent.trim() !== '') blank = false;
      });
      return { blank, duplicates: duplicateSections(headings) };
    },
    equalityFn: (a, b) => b !== null && a.blank === b.blank && a.duplicates.join() === b.duplicates.join(),
  }) ?? { blank: false, duplicates: [] };
