import type * as Y from 'yjs';
import { z } from 'zod';
import { LOCAL_ORIGIN } from '../../core/origins';
import { DomainError } from '../../core/errors';
import { happenedAt, type OpContext } from '../../core/context';
import { appendEntry, requireDeclared } from '../doc-access';
import { rolesOf } from '../../schema/incident-doc';
import { expertKey } from '../../schema/records/experts';
import { readExperts } from '../../schema/read-model';
import { actorSchema, idSchema, parseOrThrow } from '../../schema/validation';
import type { Actor, SubjectExpert } from '../../schema/types';

/*
 * Subject-matter experts: several at once, one key per person in the roles map
 * (see EXPERT_KEY_PREFIX). Every change is logged like any role change.
 */

const areaSchema = z.string().trim().max(80, 'area is longer than 80 characters').default('');
const areaNote = (area: string) => (area ? ` (${area})` : '');

const findExpert = (doc: Y.Doc, deviceId: string): SubjectExpert => {
  const id = parseOrThrow(idSchema, deviceId, 'Subject-matter expert');
  requireDeclared(doc);
  const e = readExperts(doc).find((x) => x.holder.deviceId === id);
  if (!e) throw new DomainError('not_found', 'That person is not a subject-matter expert here.');
  return e;
};

/** Remove an expert from the map, whether keyed per person or the single `sme` of an older document. */
const removeFromMap = (doc: Y.Doc, e: SubjectExpert): void => {
  const roles = rolesOf(doc);
  roles.delete(expertKey(e.holder.deviceId));
  const legacy = roles.get('sme') as { holder?: { deviceId?: unknown } } | undefined;
  if (legacy?.holder?.deviceId === e.holder.deviceId) roles.delete('sme');
};

const setExpert = (doc: Y.Doc, ctx: OpContext, holder: Actor, area: string, now: number): void => {
  rolesOf(doc).set(expertKey(holder.deviceId), { role: 'sme', holder: { ...holder }, area, assignedAt: now, assignedBy: { ...ctx.actor } });
};

/** Add someone as an expert (or change their area). */
export const addExpert = (doc: Y.Doc, ctx: OpContext, holder: Actor, area = ''): void => {
  const who = parseOrThrow(actorSchema, holder, 'Subject-matter expert');
  const what = parseOrThrow(areaSchema, area, 'Subject-matter expert');
  requireDeclared(doc);
  const current = readExperts(doc).find((x) => x.holder.deviceId === who.deviceId);
  if (current && current.area === what && current.holder.name === who.name) return;
  const now = happenedAt(ctx);
  doc.transact(() => {
    if (current) removeFromMap(doc, current);
    setExpert(doc, ctx, who, what, now);
    appendEntry(doc, ctx, {
      kind: 'role_change',
      text: current ? `${who.name} is now subject-matter expert${areaNote(what)}` : `${who.name} joined as subject-matter expert${areaNote(what)}`,
      occurredAt: now,
    });
  }, LOCAL_ORIGIN);
};

export const removeExpert = (doc: Y.Doc, ctx: OpContext, deviceId: string): void => {
  const e = findExpert(doc, deviceId);
  doc.transact(() => {
    removeFromMap(doc, e);
    appendEntry(doc, ctx, { kind: 'role_change', text: `${e.holder.name} released subject-matter expert${areaNote(e.area)}`, occurredAt: happenedAt(ctx) });
  }, LOCAL_ORIGIN);
};

/** Hand an expert's area over to someone else in one logged step. */
export const handOffExpert = (doc: Y.Doc, ctx: OpContext, fromDeviceId: string, to: Actor): void => {
  const e = findExpert(doc, fromDeviceId);
  const who = parseOrThrow(actorSchema, to, 'Subject-matter expert');
  if (who.deviceId === e.holder.deviceId) return;
  const already = readExperts(doc).find((x) => x.holder.deviceId === who.deviceId);
  if (already) throw new DomainError('invalid_input', `${already.holder.name} is already a subject-matter expert${areaNote(already.area)}.`);
  const now = happenedAt(ctx);
  doc.transact(() => {
    removeFromMap(doc, e);
    setExpert(doc, ctx, who, e.area, now);
    appendEntry(doc, ctx, {
      kind: 'role_change',
      text: `Subject-matter expert${areaNote(e.area)} handed off from ${e.holder.name} to ${who.name}`,
      occurredAt: now,
    });
  }, LOCAL_ORIGIN);
};
