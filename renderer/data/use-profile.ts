import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { systemContext, type OpContext } from '@shared/core/context';
import { actorOf, signerOfProfile } from '@shared/storage/profile';
import type { ProfileRow } from '@shared/storage/database';
import { useServices } from './services';
import { useAppStore } from '../store/app-store';
import { readableWall, zoneOf } from '@shared/time/wall-clock';

/** The local profile, live from Dexie so a rename shows everywhere at once. */
export const useProfile = (): ProfileRow => {
  const { db, initialProfile } = useServices();
  return useLiveQuery(() => db.profile.get('local'), [db], initialProfile) ?? initialProfile;
};

/** What domain operations need to know about "me" right now. */
export const useOpContext = (): OpContext => {
  const profile = useProfile();
  return useMemo(() => {
    const signer = signerOfProfile(profile);
    return { ...systemContext(actorOf(profile)), ...(signer ? { signer } : {}) };
  }, [profile]);
};

/**
 * The context for operations on one incident: "me", plus the time its changes
 * happened at when this person is recording it after the fact.
 */
export const useIncidentOpContext = (incidentId: string): OpContext => {
  const base = useOpContext();
  const asOf = useAppStore((s) => s.recordAsOf[incidentId]);
  const zone = zoneOf(useAppStore((s) => s.utc));
  return useMemo(
    () => ({ ...base, describeTime: (t: number) => readableWall(t, zone), ...(asOf === undefined ? {} : { happenedAt: asOf }) }),
    [base, asOf, zone],
  );
};
