import type * as Y from 'yjs';
import { LOCAL_ORIGIN } from '../../core/origins';
import { DomainError } from '../../core/errors';
import { happenedAt, type OpContext } from '../../core/context';
import { appendEntry, requireDeclared } from '../doc-access';
import { rolesOf } from '../../schema/incident-doc';
import { readRoles } from '../../schema/read-model';
import { actorSchema, parseOrThrow, roleSchema } from '../../schema/validation';
import type { Actor, Role } from '../../schema/types';

export const ROLE_LABELS: Record<Role, string> = {
  commander: 'Incident commander',
  deputy: 'Deputy',
  scribe: 'Scribe',
  comms: 'Communications lead',
  ops: 'Operations lead',
  // The role the Google SRE book's example incident uses: tracks the longer-term work (shifts, handoffs, bugs to file).
  planning: 'Planning lead',
  sme: 'Subject-matter expert',
};

const sameActor = (a: Actor, b: Actor) => a.deviceId === b.deviceId && a.name === b.name;

const PAIRED: Partial<Record<Role, Role>> = { commander: 'deputy', deputy: 'commander' };

/**
 * Why giving `role` to `who` needs a confirmation, or null: the deputy is the
 * commander's stand-in, so one person holding both leaves nobody to take over.
 */
export const dualCommandWarning = (roles: readonly { role: Role; holder: Actor }[], role: Role, who: Actor): string | null => {
  const other = PAIRED[role];
  const held = other ? roles.find((a) => a.role === other) : undefined;
  if (!other || !held || !sameActor(held.holder, who)) return null;
  return `${who.name} is already ${ROLE_LABELS[other].toLowerCase()}. One person as both incident commander and deputy leaves nobody to take over. Make ${who.name} ${ROLE_LABELS[role].toLowerCase()} as well?`;
};

/** Assign a role, or hand it off when someone holds it. Logged to the timeline either way. Commander and deputy in one person needs `confirmed`. */
export const assignRole = (doc: Y.Doc, ctx: OpContext, role: Role, holder: Actor, opts: { confirmed?: boolean } = {}): void => {
  const r = parseOrThrow(roleSchema, role, 'Role');
  const who = parseOrThrow(actorSchema, holder, 'Role holder');
  requireDeclared(doc);
  const roles = readRoles(doc);
  const current = roles.find((a) => a.role === r);
  if (current && sameActor(current.holder, who)) return;
  const warning = dualCommandWarning(roles, r, who);
  if (warning && !opts.confirmed) throw new DomainError('needs_confirmation', warning);
  const now = happenedAt(ctx);
  const text = current
    ? `${ROLE_LABELS[r]} handed off from ${current.holder.name} to ${who.name}`
    : `${who.name} is now ${ROLE_LABELS[r].toLowerCase()}`;
  doc.transact(() => {
    rolesOf(doc).set(r, { role: r, holder: who, assignedAt: now, assignedBy: { ...ctx.actor } });
    appendEntry(doc, ctx, { kind: 'role_change', text, occurredAt: now });
  }, LOCAL_ORIGIN);
};

export const releaseRole = (doc: Y.Doc, ctx: OpContext, role: Role): void => {
  const r = parseOrThrow(roleSchema, role, 'Role');
  requireDeclared(doc);
  const current = readRoles(doc).find((a) => a.role === r);
  if (!current) throw new DomainError('not_found', `Nobody holds the ${ROLE_LABELS[r].toLowerCase()} role.`);
  doc.transact(() => {
    rolesOf(doc).delete(r);
    appendEntry(doc, ctx, {
      kind: 'role_change',
      text: `${current.holder.name} released ${ROLE_LABELS[r].toLowerCase()}`,
      occurredAt: happenedAt(ctx),
    });
  }, LOCAL_ORIGIN);
};
