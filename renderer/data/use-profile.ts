import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { systemContext, type OpContext } from '@shared/core/context';
import { actorOf } from '@shared/storage/profile';
import type { ProfileRow } from '@shared/storage/database';
import { useServices } from './services';

/** The local profile, live from Dexie so a rename shows everywhere at once. */
export const useProfile = (): ProfileRow => {
  const { db, initialProfile } = useServices();
  return useLiveQuery(() => db.profile.get('local'), [db], initialProfile) ?? initialProfile;
};

/** What domain operations need to know about "me" right now. */
export const useOpContext = (): OpContext => {
  const profile = useProfile();
  return useMemo(() => systemContext(actorOf(profile)), [profile]);
};
