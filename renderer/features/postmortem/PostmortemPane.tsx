import { Suspense, lazy, useContext } from 'react';
import type { IncidentHandle } from '../../data/incident-registry';
import { ActionItems } from '../actions';
import { EditorPresenceContext } from './presence-context';

// The editor (TipTap, ProseMirror) is most of the postmortem's weight: load it when the tab opens.
const PostmortemEditor = lazy(() => import('./PostmortemEditor').then((m) => ({ default: m.PostmortemEditor })));

/** The war room's postmortem tab: the shared document, then the tracked action items. */
export const PostmortemPane = ({ handle }: { handle: IncidentHandle }) => {
  const presence = useContext(EditorPresenceContext);
  return (
    <section className="postmortem" aria-label="Postmortem">
      <Suspense fallback={<p className="empty">Loading the editor…</p>}>
        <PostmortemEditor doc={handle.doc} awareness={presence.awareness} user={presence.user ?? null} describeUser={presence.describeUser ?? null} />
      </Suspense>
      <ActionItems handle={handle} />
    </section>
  );
};
