import { useState } from 'react';
import { ROLES, type Role } from '@shared/schema/types';
import { handoffBrief } from '@shared/domain/handoff/handoff-brief';
import { readIncident } from '@shared/schema/read-model';
import { useRoles } from '../../data/use-incident';
import { useRunOp } from '../../data/use-run-op';
import { useNow } from '../../data/use-now';
import { platform } from '../../platform';
import type { PaneProps } from '../../ui/pane';
import { RoleRow } from './RoleRow';
import { ExpertsSection } from './ExpertsSection';
import { HandoffBriefDialog } from './HandoffBriefDialog';
import { useExperts, useMe, usePeople } from './use-people';
import { useRoleCommands } from './use-role-commands';
import './roles.css';

const SINGLE_ROLES = ROLES.filter((r): r is Exclude<Role, 'sme'> => r !== 'sme');

/** Who does what, handoffs, and the brief for whoever takes over. */
export const RolesPane = ({ handle }: PaneProps) => {
  const roles = useRoles(handle.doc);
  const experts = useExperts(handle.doc);
  const people = usePeople(handle.doc);
  const me = useMe();
  const run = useRunOp(handle);
  const now = useNow(30_000);
  const [brief, setBrief] = useState<{ text: string; copying: Promise<void> } | null>(null);

  const openBrief = () => {
    const incident = readIncident(handle.doc);
    if (!incident) return;
    const text = handoffBrief({ incident, now: Date.now(), by: me });
    // Copy within the click: browsers allow clipboard writes only right after a user action.
    setBrief({ text, copying: platform.copyText(text) });
  };
  useRoleCommands(me, run, openBrief);

  return (
    <div className="roles-pane">
      <div className="pane-heading">
        <h2>Roles</h2>
        <button type="button" onClick={openBrief}>
          Handoff brief
        </button>
      </div>
      <ul className="role-list">
        {SINGLE_ROLES.map((role) => (
          <RoleRow key={role} role={role} assignment={roles.find((r) => r.role === role)} me={me} people={people} run={run} now={now} />
        ))}
      </ul>
      <ExpertsSection experts={experts} me={me} people={people} run={run} />
      {brief !== null && <HandoffBriefDialog text={brief.text} copying={brief.copying} onClose={() => setBrief(null)} />}
    </div>
  );
};
