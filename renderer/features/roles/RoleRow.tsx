import { useEffect, useRef, useState } from 'react';
import { ROLE_LABELS, releaseRole } from '@shared/domain/roles/role-ops';
import { assignAsking } from './assign-role';
import type { Actor, Role, RoleAssignment } from '@shared/schema/types';
import type { useRunOp } from '../../data/use-run-op';
import { PersonForm } from './PersonForm';
import { ActionMenu, type MenuAction } from '../../ui/ActionMenu';
import { ago } from './ago';
import { localDateTime } from '../../ui/local-time';

interface Props {
  role: Exclude<Role, 'sme'>;
  assignment: RoleAssignment | undefined;
  me: Actor;
  people: readonly Actor[];
  run: ReturnType<typeof useRunOp>;
  now: number;
}

const isMe = (a: Actor, me: Actor) => a.deviceId === me.deviceId;

/** One role: who holds it, and Take / Hand off / Release. Every change is logged by the operation. */
export const RoleRow = ({ role, assignment, me, people, run, now }: Props) => {
  const [picking, setPicking] = useState(false);
  // Once a name is saved or the form cancelled, focus goes back to the role's menu button, not to the page.
  const handOff = useRef<HTMLButtonElement>(null);
  const wasPicking = useRef(false);
  useEffect(() => {
    if (picking) wasPicking.current = true;
    else if (wasPicking.current) {
      wasPicking.current = false;
      handOff.current?.focus({ preventScroll: true });
    }
  }, [picking]);
  const label = ROLE_LABELS[role];
  const lower = label.toLowerCase();
  const holder = assignment?.holder;
  const assign = (who: Actor) => {
    // Asks first when it would make one person both incident commander and deputy.
    const ok = assignAsking(run, role, who);
    if (ok) setPicking(false);
    return ok;
  };
  const mine = holder !== undefined && isMe(holder, me);
  // One row per role; what can be done to it is in its menu, so the pane stays one line per role.
  const actions: MenuAction[] = [
    ...(mine ? [] : [{ label: `Take ${lower}`, text: 'Take', run: () => void assign(me) }]),
    { label: `${holder ? 'Hand off' : 'Assign'} ${lower}`, text: holder ? 'Hand off…' : 'Assign…', run: () => setPicking(true) },
    ...(holder ? [{ label: `Release ${lower}`, text: 'Release', run: () => void run((doc, ctx) => releaseRole(doc, ctx, role)) }] : []),
  ];
  return (
    <li className="role-row" data-testid="role-row" data-role={role} data-holder={holder?.name ?? ''}>
      <div className="role-line">
        <span className="role-label">{label}</span>
        <span className={holder ? 'role-holder' : 'role-holder unassigned'}>
          {holder ? holder.name : 'Unassigned'}
          {holder && isMe(holder, me) && <span className="dim"> (you)</span>}
        </span>
        {assignment && (
          <span className="dim role-since" title={`Since ${localDateTime(assignment.assignedAt)}`}>
            {ago(now - assignment.assignedAt)}
          </span>
        )}
      </div>
      {!picking && <ActionMenu label={`${label} actions`} actions={actions} buttonRef={handOff} />}
      {picking && (
        <PersonForm
          label={`${holder ? 'Hand off' : 'Assign'} ${lower} to`}
          submitLabel={holder ? 'Hand off' : 'Assign'}
          people={people}
          onSubmit={assign}
          onCancel={() => setPicking(false)}
        />
      )}
    </li>
  );
};
