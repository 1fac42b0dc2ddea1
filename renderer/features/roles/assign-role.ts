import { assignRole, dualCommandWarning } from '@shared/domain/roles/role-ops';
import { readRoles } from '@shared/schema/read-model';
import type { Actor, Role } from '@shared/schema/types';
import type { useRunOp } from '../../data/use-run-op';

/**
 * Assign a role, asking first when it would make one person both incident
 * commander and deputy. Returns whether the role was assigned.
 */
export const assignAsking = (run: ReturnType<typeof useRunOp>, role: Role, who: Actor): boolean => {
  const r = run((doc, ctx) => {
    const warning = dualCommandWarning(readRoles(doc), role, who);
    // A native confirm: it takes focus and returns it, and works the same in Electron and the browser.
    if (warning && !window.confirm(warning)) return false;
    assignRole(doc, ctx, role, who, { confirmed: warning !== null });
    return true;
  });
  return r.ok && r.value;
};
