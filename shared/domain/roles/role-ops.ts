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
  sme: 'Subject-matter expert',
};

const sameActor = (a: Actor, b: Actor) => a.deviceId === b.deviceId && a.name === b.name;

/** Assign a role, or hand it off when someone holds it. Logged to the timeline either way. */
export const assignRole = (doc: Y.Doc, ctx: OpContext, role: Role, holder: Actor): void => {
  const r = parseOrThrow(roleSchema, role, 'Role');
  const who = parseOrThrow(actorSchema, holder, 'Role holder');
  requireDeclared(doc);
  const current = readRoles(doc).find((a) => a.role === r);
  if (current && sameActor(current.holder, who)) return;
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
