import { useState } from 'react';
import type { Editor } from '@tiptap/react';
import type * as Y from 'yjs';
import { readIncident } from '@shared/schema/read-model';
import { draftPostmortem, seedTemplateEdit, type DraftResult } from '@shared/postmortem/draft';
import { templateBlocks, sectionTitle } from '@shared/postmortem/template';
import type { PmDoc } from '@shared/postmortem/pm-json';
import { applyEdits } from './apply-edits';
import type { EditorFacts } from './use-postmortem-editor';

const summarize = (r: DraftResult): string => {
  const parts: string[] = [];
  if (r.filled.length > 0) parts.push(`filled ${r.filled.map((s) => sectionTitle(s).toLowerCase()).join(', ')}`);
  if (r.timelineAdded > 0) parts.push(`${r.timelineAdded} timeline line${r.timelineAdded === 1 ? '' : 's'} added`);
  return `Drafted: ${parts.join('; ')}.`;
};

/**
 * Seeding happens only when someone asks, and only into a blank document,
 * checked and written in one synchronous step against the editor's state (which
 * mirrors the Yjs fragment). Residual race: two people whose edits have not met
 * yet (offline, or within the sync delay) can both see a blank postmortem and
 * both click; Yjs then keeps both insertions and every section appears twice.
 * That cannot be prevented without a lock, so it is detected instead: the pane
 * warns about duplicated sections and one copy can be deleted.
 */
export const PostmortemToolbar = ({ editor, doc, facts }: { editor: Editor | null; doc: Y.Doc; facts: EditorFacts }) => {
  const [message, setMessage] = useState('');

  const startFromTemplate = () => {
    if (!editor) return;
    const edit = seedTemplateEdit(editor.getJSON() as PmDoc, templateBlocks());
    if (!edit) {
      setMessage('The postmortem already has text, so the template was not added.');
      return;
    }
    applyEdits(editor, [edit]);
    // Into the summary's empty paragraph: heading at 0, paragraph content right after it.
    editor.commands.focus(editor.state.doc.child(0).nodeSize + 1);
    setMessage('Template added. Draft from timeline fills the summary, impact and timeline.');
  };

  const draft = () => {
    const snapshot = readIncident(doc);
    if (!editor || !snapshot) return;
    const result = draftPostmortem(snapshot, editor.getJSON() as PmDoc);
    if (result.edits.length === 0) {
      setMessage('Nothing to add: those sections already have text and the timeline lists every key moment.');
      return;
    }
    applyEdits(editor, result.edits);
    setMessage(summarize(result));
  };

  return (
    <div className="pm-toolbar" role="toolbar" aria-label="Postmortem tools">
      {facts.blank && (
        <button type="button" onClick={startFromTemplate} disabled={!editor}>
          Start from template
        </button>
      )}
      <button
        type="button"
        onClick={draft}
        disabled={!editor}
        title="Adds pinned and key timeline entries, and fills an empty summary and impact. Never overwrites text."
      >
        Draft from timeline
      </button>
      <span className="pm-message" role="status">
        {message}
      </span>
    </div>
  );
};
