import { useEffect, useMemo, useRef } from 'react';
import { ROLE_LABELS } from '@shared/domain/roles/role-ops';
import { assignAsking } from './assign-role';
import { addExpert } from '@shared/domain/roles/expert-ops';
import { ROLES, type Actor } from '@shared/schema/types';
import type { useRunOp } from '../../data/use-run-op';
import { useRegisterCommands, type Command } from '../command-palette';

/** Palette commands: take any role, and open the handoff brief. */
export const useRoleCommands = (me: Actor, run: ReturnType<typeof useRunOp>, openBrief: () => void): void => {
  // The brief closes over live state; the commands themselves need not change with it.
  const briefRef = useRef(openBrief);
  useEffect(() => {
    briefRef.current = openBrief;
  });
  const commands = useMemo(
    (): Command[] => [
      ...ROLES.map(
        (role): Command => ({
          id: `roles.take.${role}`,
          title: `Take ${ROLE_LABELS[role].toLowerCase()}`,
          group: 'Incident',
          keywords: ['role', 'assign', role],
          run: () => void (role === 'sme' ? run((doc, ctx) => addExpert(doc, ctx, me)) : assignAsking(run, role, me)),
        }),
      ),
      { id: 'roles.brief', title: 'Handoff brief', group: 'Incident', keywords: ['handoff', 'ICS-201', 'summary', 'copy'], run: () => briefRef.current() },
    ],
    [me, run],
  );
  useRegisterCommands(commands);
};
