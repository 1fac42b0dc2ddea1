import { useMemo, type ReactNode } from 'react';
import type { IncidentHandle } from '../../data/incident-registry';
import { useProfile } from '../../data/use-profile';
import { useIncidentAwareness } from '../../sync';
import { EditorPresenceContext, type EditorPresence } from '../postmortem';

/**
 * Hands the incident's awareness (the one every sync provider of this incident
 * shares) to the war room, so the postmortem editor can show other people's carets.
 */
export const SyncPresence = ({ handle, children }: { handle: IncidentHandle; children: ReactNode }) => {
  const awareness = useIncidentAwareness(handle);
  const { name, color } = useProfile();
  const value = useMemo<EditorPresence>(() => ({ awareness, user: { name, color } }), [awareness, name, color]);
  return <EditorPresenceContext.Provider value={value}>{children}</EditorPresenceContext.Provider>;
};
