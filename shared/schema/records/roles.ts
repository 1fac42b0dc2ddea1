import { z } from 'zod';
import { ROLES, type Role, type RoleAssignment } from '../types';
import { rolesOf } from '../incident-doc';
import { actorSchema, copy, firstIssue, isObject, timeSchema, writerOf } from './fields';
import type { ReadResult, RecordType, SetAside } from './record-type';

/** The roles one person holds at a time, each under its own key of the roles map. Experts are several: see ./experts.ts. */
export const SINGLE_ROLES = ROLES.filter((r): r is Exclude<Role, 'sme'> => r !== 'sme');
export type SingleRole = (typeof SINGLE_ROLES)[number];

export const roleAssignmentSchema: z.ZodType<RoleAssignment> = z.strictObject({
  role: z.enum(ROLES, { error: 'is not a known role' }),
  holder: actorSchema,
  assignedAt: timeSchema,
  assignedBy: actorSchema,
});

export const rolesRecord: RecordType<'roles', RoleAssignment[]> = {
  name: 'roles',
  topLevel: 'roles',
  title: 'Roles',
  layout: `Plain objects in the top-level \`roles\` \`Y.Map\`, one per held role, keyed by the role (${SINGLE_ROLES.map((r) => `\`${r}\``).join(', ')}); the value's \`role\` equals its key. Releasing a role deletes its key; every change is also logged to the timeline.`,
  item: roleAssignmentSchema,
  schema: z
    .array(roleAssignmentSchema)
    .max(SINGLE_ROLES.length)
    .refine((rs) => rs.every((r) => r.role !== 'sme'), 'holds a subject-matter expert: experts are listed under "experts"')
    .refine((rs) => new Set(rs.map((r) => r.role)).size === rs.length, 'lists a role twice'),
  read(doc): ReadResult<RoleAssignment[]> {
    const value: RoleAssignment[] = [];
    const setAside: SetAside[] = [];
    for (const role of SINGLE_ROLES) {
      const v = rolesOf(doc).get(role);
      if (v === undefined) continue;
      // Older documents stored the value without its role; the key says which.
      const parsed = roleAssignmentSchema.safeParse(isObject(v) ? { role, ...v } : v);
      if (parsed.success && parsed.data.role === role) value.push(parsed.data);
      else setAside.push({ record: 'roles', id: role, reason: parsed.success ? `is stored under "${role}" but names ${parsed.data.role}` : firstIssue(parsed.error), client: writerOf(rolesOf(doc), role) });
    }
    return { value, setAside };
  },
  write(doc, roles) {
    for (const r of roles) rolesOf(doc).set(r.role, copy(r));
  },
  merge(doc, roles) {
    let added = 0;
    for (const r of roles) {
      if (rolesOf(doc).has(r.role)) continue;
      rolesOf(doc).set(r.role, copy(r));
      added += 1;
    }
    return added;
  },
};
