import { Suspense, lazy, useContext } from 'react';
import type { IncidentHandle } from '../../data/incident-registry';
import { ActionItems } from '../actions';
import { EditorPresenceContext } from './presence-context';
import { usePostmortemHealth } from './use-postmortem-health';

// The editor (TipTap, ProseMirror) is most of the postmortem's weight: load it when the tab opens.
const PostmortemEditor = lazy(() => import('./PostmortemEditor').then((m) => ({ default: m.PostmortemEditor })));

/** The war room's postmortem tab: the shared document, then the tracked action items. */
export const PostmortemPane = ({ handle }: { handle: IncidentHandle }) => {
  const presence = useContext(EditorPresenceContext);
  const damage = usePostmortemHealth(handle.doc);
  return (
    <section className="postmortem" aria-label="Postmortem">
      {damage ? (
        <div className="render-error" role="alert" data-testid="postmortem-damaged">
          <p>
            <strong>The postmortem holds something the editor cannot show</strong> ({damage}). It is kept exactly as it is and not opened in the
            editor, which could delete what it cannot show. Export the incident (Yjs or JSON) to keep a copy, then ask whoever sent it to send it
            again.
          </p>
        </div>
      ) : (
        <Suspense fallback={<p className="empty">Loading the editor…</p>}>
          <PostmortemEditor doc={handle.doc} awareness={presence.awareness} user={presence.user ?? null} describeUser={presence.describeUser ?? null} />
        </Suspense>
      )}
      <ActionItems handle={handle} />
    </section>
  );
};
