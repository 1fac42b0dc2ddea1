import { z } from 'zod';
import type { SubjectExpert } from '../types';
import { rolesOf } from '../incident-doc';
import { MAX_AREA, actorSchema, copy, firstIssue, isObject, textUpTo, timeSchema, writerOf } from './fields';
import type { ReadResult, RecordType, SetAside } from './record-type';

/**
 * Subject-matter experts are several people, so each has its own key in the
 * (top-level) roles map: `sme:<deviceId>` → `{ role: 'sme', holder, area,
 * assignedAt, assignedBy }`. Peers adding different experts at once write
 * different keys and both survive; the single `sme` key of older documents is
 * still read as one more expert.
 */
export const EXPERT_KEY_PREFIX = 'sme:';
export const LEGACY_EXPERT_KEY = 'sme';
export const expertKey = (deviceId: string): string => `${EXPERT_KEY_PREFIX}${deviceId}`;

export const expertSchema: z.ZodType<SubjectExpert> = z.strictObject({
  holder: actorSchema,
  area: textUpTo(MAX_AREA),
  assignedAt: timeSchema,
  assignedBy: actorSchema,
});

/** The stored value: the expert plus `role: 'sme'`, so a reader of the roles map can tell it apart. */
const storedSchema = z.object({ role: z.literal('sme') }).passthrough();

const parseStored = (v: unknown): { expert: SubjectExpert } | { reason: string } => {
  if (!isObject(v) || !storedSchema.safeParse(v).success) return { reason: 'is not a subject-matter expert' };
  const { role: _role, ...rest } = v;
  const parsed = expertSchema.safeParse({ area: '', ...rest });
  return parsed.success ? { expert: parsed.data } : { reason: firstIssue(parsed.error) };
};

const stored = (e: SubjectExpert) => ({ role: 'sme' as const, ...copy(e) });

const byAssignment = (a: SubjectExpert, b: SubjectExpert) =>
  a.assignedAt - b.assignedAt || (a.holder.deviceId < b.holder.deviceId ? -1 : a.holder.deviceId > b.holder.deviceId ? 1 : 0);

export const expertsRecord: RecordType<'experts', SubjectExpert[]> = {
  name: 'experts',
  topLevel: 'roles',
  title: 'Subject-matter experts',
  layout:
    'Plain objects in the top-level `roles` `Y.Map` under `sme:<holder.deviceId>`, each `{ role: "sme", holder, area, assignedAt, assignedBy }`; one per person. An older document may hold one expert under the key `sme`, read as one more. Removing an expert deletes its key; every change is also logged to the timeline.',
  item: expertSchema,
  schema: z
    .array(expertSchema)
    .max(10_000)
    .refine((es) => new Set(es.map((e) => e.holder.deviceId)).size === es.length, 'lists one person twice'),
  read(doc): ReadResult<SubjectExpert[]> {
    const roles = rolesOf(doc);
    const out = new Map<string, SubjectExpert>();
    const setAside: SetAside[] = [];
    for (const [key, v] of roles.entries()) {
      if (!key.startsWith(EXPERT_KEY_PREFIX)) continue;
      const r = parseStored(v);
      if (!('expert' in r)) setAside.push({ record: 'experts', id: key, reason: r.reason, client: writerOf(roles, key) });
      else if (key !== expertKey(r.expert.holder.deviceId)) setAside.push({ record: 'experts', id: key, reason: 'is stored under another person\u2019s key', client: writerOf(roles, key) });
      else out.set(r.expert.holder.deviceId, r.expert);
    }
    const legacy = roles.get(LEGACY_EXPERT_KEY);
    if (legacy !== undefined) {
      const r = parseStored(legacy);
      if ('expert' in r) {
        if (!out.has(r.expert.holder.deviceId)) out.set(r.expert.holder.deviceId, r.expert);
      } else setAside.push({ record: 'experts', id: LEGACY_EXPERT_KEY, reason: r.reason, client: writerOf(roles, LEGACY_EXPERT_KEY) });
    }
    return { value: [...out.values()].sort(byAssignment), setAside };
  },
  write(doc, experts) {
    for (const e of experts) rolesOf(doc).set(expertKey(e.holder.deviceId), stored(e));
  },
  merge(doc, experts) {
    const have = new Set(expertsRecord.read(doc).value.map((e) => e.holder.deviceId));
    let added = 0;
    for (const e of experts) {
      if (have.has(e.holder.deviceId)) continue;
      rolesOf(doc).set(expertKey(e.holder.deviceId), stored(e));
      added += 1;
    }
    return added;
  },
};
