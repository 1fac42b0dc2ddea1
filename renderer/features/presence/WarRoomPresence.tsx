import { useMemo } from 'react';
import type { IncidentHandle } from '../../data/incident-registry';
import { useRoles } from '../../data/use-incident';
import { useProfile } from '../../data/use-profile';
import { useIncidentAwareness } from '../../sync';
import { useAppStore } from '../../store/app-store';
import { PresenceBar } from './PresenceBar';

/** The presence bar for one incident: my profile, my role in it and my pane, published to its awareness. */
export const WarRoomPresence = ({ handle }: { handle: IncidentHandle }) => {
  const awareness = useIncidentAwareness(handle);
  const profile = useProfile();
  const roles = useRoles(handle.doc);
  const pane = useAppStore((s) => s.mainPane);
  const role = roles.find((r) => r.holder.deviceId === profile.deviceId)?.role ?? null;
  const me = useMemo(
    () => ({ name: profile.name || 'Anonymous', color: profile.color, deviceId: profile.deviceId, role, pane }),
    [profile.name, profile.color, profile.deviceId, role, pane],
  );
  return <PresenceBar awareness={awareness} me={me} />;
};
