import { useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { readExperts, readRoles } from '@shared/schema/read-model';
import { peopleInIncident, withMeFirst } from '@shared/domain/timeline/people';
import { timelineProjectionOf } from '@shared/domain/timeline/timeline-projection';
import { actorOf } from '@shared/storage/profile';
import type { Actor } from '@shared/schema/types';
import { useTypeVersion } from '../../data/use-incident';
import { useProfile } from '../../data/use-profile';
import { derivedStore } from '../../data/derived-store';
import { sameItems } from '../../data/use-stable-value';

const sameActors = sameItems<Actor>((a, b) => a.name === b.name && a.deviceId === b.deviceId);

const peopleOf = (doc: Y.Doc): Actor[] =>
  peopleInIncident({ timeline: timelineProjectionOf(doc).entries(), roles: readRoles(doc), experts: readExperts(doc) });

export const useExperts = (doc: Y.Doc) => {
  const v = useTypeVersion(doc, 'roles');
  return useMemo(() => (void v, readExperts(doc)), [doc, v]);
};

export const useMe = (): Actor => {
  const profile = useProfile();
  return useMemo(() => actorOf(profile), [profile]);
};

/**
 * Name suggestions for picking a person: me, then people seen in this incident.
 * Read through a derived store: a new entry by someone already known does not
 * re-render the runbook and roles panes that offer these names.
 */
export const usePeople = (doc: Y.Doc): Actor[] => {
  const me = useMe();
  const store = useMemo(() => derivedStore(doc, ['timeline', 'roles'], peopleOf, sameActors), [doc]);
  const others = useSyncExternalStore(store.subscribe, store.getSnapshot);
  return useMemo(() => withMeFirst(me, others), [me, others]);
};
