import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { postmortemOf } from '@shared/schema/incident-doc';
import { fragmentToJson } from '@shared/postmortem/fragment-json';
import { pmContentIssue } from '@shared/postmortem/pm-schema';

/**
 * Why the postmortem cannot be given to the editor, or null. The editor's Yjs
 * binding throws on structure its schema does not allow (top-level text, a
 * list item outside a list) and may delete what it cannot show, so such a
 * document is kept away from it, as it is, until it is repaired. Checked when
 * the pane opens and after every change that did not come from this editor.
 */
export const usePostmortemHealth = (doc: Y.Doc): string | null => {
  // The first check runs once, for the document the pane opened with (the pane is remounted per incident).
  const [issue, setIssue] = useState<string | null>(() => pmContentIssue(fragmentToJson(postmortemOf(doc))));
  useEffect(() => {
    const fragment = postmortemOf(doc);
    const onChange = (_events: unknown, tr: Y.Transaction) => {
      // The editor's own edits are valid by construction; a peer's or an import's may not be.
      // (y-tiptap marks them with its plugin key, an object with getState.)
      if (typeof tr.origin === 'object' && tr.origin !== null && 'getState' in tr.origin) return;
      setIssue(pmContentIssue(fragmentToJson(fragment)));
    };
    fragment.observeDeep(onChange);
    return () => fragment.unobserveDeep(onChange);
  }, [doc]);
  return issue;
};
