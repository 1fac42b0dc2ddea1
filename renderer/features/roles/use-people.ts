import { useMemo } from 'react';
import type * as Y from 'yjs';
import { readExperts } from '@shared/schema/read-model';
import { knownPeople } from '@shared/domain/people';
import { actorOf } from '@shared/storage/profile';
import type { Actor } from '@shared/schema/types';
import { useTypeVersion, useRoles, useTimeline } from '../../data/use-incident';
import { useProfile } from '../../data/use-profile';
import { sameItems, useStableValue } from '../../data/use-stable-value';

const sameActors = sameItems<Actor>((a, b) => a.name === b.name && a.deviceId === b.deviceId);

export const useExperts = (doc: Y.Doc) => {
  const v = useTypeVersion(doc, 'roles');
  return useMemo(() => (void v, readExperts(doc)), [doc, v]);
};

export const useMe = (): Actor => {
  const profile = useProfile();
  return useMemo(() => actorOf(profile), [profile]);
};

/** Name suggestions for picking a person: me, then people seen in this incident. */
export const usePeople = (doc: Y.Doc): Actor[] => {
  const me = useMe();
  const timeline = useTimeline(doc);
  const roles = useRoles(doc);
  const experts = useExperts(doc);
  const people = useMemo(() => knownPeople(me, { timeline, roles, experts }), [me, timeline, roles, experts]);
  return useStableValue(people, sameActors);
};
