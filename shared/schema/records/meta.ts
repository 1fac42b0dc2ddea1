import type * as Y from 'yjs';
import { z } from 'zod';
import { LIFECYCLE_MILESTONES, SEVERITIES, STATUSES, type Actor, type IncidentMeta, type Lifecycle, type LifecycleMilestone } from '../types';
import { SCHEMA_VERSION, metaOf } from '../incident-doc';
import { MAX_ID, MAX_TEXT, MAX_TITLE, actorSchema, copy, firstIssue, nonBlank, textUpTo, timeSchema, writerOf } from './fields';
import type { ReadResult, RecordType, SetAside } from './record-type';

/** Keys of the meta map. Lifecycle milestones are stored flat as `<milestone>At`. */
export const META_KEYS = {
  schemaVersion: 'schemaVersion',
  id: 'id',
  title: 'title',
  severity: 'severity',
  status: 'status',
  drill: 'drill',
  summary: 'summary',
  impact: 'impact',
  createdBy: 'createdBy',
} as const;

export const lifecycleKey = (milestone: LifecycleMilestone | string): string => `${milestone}At`;

/** Ids end up in the address bar (#/incident/<id>) and are the Y.Doc guid. */
export const incidentIdSchema = z.string().regex(new RegExp(`^[A-Za-z0-9_-]{1,${MAX_ID}}$`), 'is not a valid incident id (1 to 128 letters, digits, _ or -)');

export const lifecycleSchema: z.ZodType<Lifecycle> = z
  .strictObject(Object.fromEntries(LIFECYCLE_MILESTONES.map((m) => [m, timeSchema.optional()])) as Record<LifecycleMilestone, z.ZodOptional<typeof timeSchema>>)
  .describe('each a time, in this order where present');

export const metaSchema: z.ZodType<IncidentMeta> = z.strictObject({
  id: incidentIdSchema,
  title: nonBlank(MAX_TITLE),
  severity: z.enum(SEVERITIES, { error: 'must be SEV1 to SEV5' }),
  status: z.enum(STATUSES, { error: 'is not a known status' }),
  drill: z.boolean(),
  summary: textUpTo(MAX_TEXT),
  impact: textUpTo(MAX_TEXT),
  lifecycle: lifecycleSchema,
  createdBy: actorSchema,
});

const UNKNOWN_ACTOR: Actor = { name: 'unknown', deviceId: 'unknown' };

/** The stored fields one by one, each with the value shown when the stored one cannot be used. */
const FIELDS = {
  title: { schema: nonBlank(MAX_TITLE), fallback: '(untitled)' },
  severity: { schema: z.enum(SEVERITIES), fallback: 'SEV3' },
  status: { schema: z.enum(STATUSES), fallback: 'investigating' },
  drill: { schema: z.boolean(), fallback: false },
  summary: { schema: textUpTo(MAX_TEXT), fallback: '' },
  impact: { schema: textUpTo(MAX_TEXT), fallback: '' },
  createdBy: { schema: actorSchema, fallback: UNKNOWN_ACTOR },
} as const;

export const readLifecycle = (meta: Y.Map<unknown>, setAside?: SetAside[]): Lifecycle => {
  const out: Lifecycle = {};
  for (const m of LIFECYCLE_MILESTONES) {
    const v = meta.get(lifecycleKey(m));
    if (v === undefined) continue;
    const parsed = timeSchema.safeParse(v);
    if (parsed.success) out[m] = parsed.data;
    else setAside?.push({ record: 'meta', id: lifecycleKey(m), reason: `${lifecycleKey(m)} ${firstIssue(parsed.error)}`, client: writerOf(meta, lifecycleKey(m)) });
  }
  return out;
};

const readMetaWithReport = (doc: Y.Doc): ReadResult<IncidentMeta | null> => {
  const meta = metaOf(doc);
  const setAside: SetAside[] = [];
  const id = meta.get(META_KEYS.id);
  if (!isDeclared(meta)) return { value: null, setAside };
  // The document's guid is the incident's identity; a different or missing stored id (a confused or hostile peer) is not believed.
  if (id !== doc.guid) setAside.push({ record: 'meta', id: 'id', reason: typeof id === 'string' ? 'id differs from the document\u2019s own id' : 'id is missing' });
  const field = <K extends keyof typeof FIELDS>(key: K): z.infer<(typeof FIELDS)[K]['schema']> => {
    const { schema, fallback } = FIELDS[key];
    const v = meta.get(key);
    const parsed = schema.safeParse(v);
    if (parsed.success) return parsed.data as z.infer<(typeof FIELDS)[K]['schema']>;
    if (v !== undefined) setAside.push({ record: 'meta', id: key, reason: `${key} ${firstIssue(parsed.error)}`, client: writerOf(meta, key) });
    return fallback as z.infer<(typeof FIELDS)[K]['schema']>;
  };
  const value: IncidentMeta = {
    id: doc.guid,
    title: field('title'),
    severity: field('severity'),
    status: field('status'),
    drill: field('drill'),
    summary: field('summary'),
    impact: field('impact'),
    lifecycle: readLifecycle(meta, setAside),
    createdBy: field('createdBy'),
  };
  return { value, setAside };
};

/**
 * Declared once the declaring peer has written meta. The id alone is not the
 * test: a peer that deleted it would leave everyone "waiting to sync" for an
 * incident whose title, severity and timeline are all there.
 */
export const isDeclared = (meta: Y.Map<unknown>): boolean =>
  typeof meta.get(META_KEYS.id) === 'string' || meta.has(META_KEYS.schemaVersion) || meta.has(META_KEYS.title);

/** Null until the incident has been declared (or synced from the peer that declared it). */
export const readMeta = (doc: Y.Doc): IncidentMeta | null => readMetaWithReport(doc).value;

/** The meta record: never "empty" in a snapshot, since a snapshot exists only for a declared incident. */
export const metaRecord: RecordType<'meta', IncidentMeta> = {
  name: 'meta',
  topLevel: 'meta',
  title: 'Incident details',
  layout: `The top-level \`meta\` \`Y.Map\`, one key per field: ${Object.values(META_KEYS)
    .map((k) => `\`${k}\``)
    .join(', ')}, and the lifecycle flat as ${LIFECYCLE_MILESTONES.map((m) => `\`${lifecycleKey(m)}\``).join(', ')} (a missing milestone has no key). \`id\` equals the Y.Doc guid; \`schemaVersion\` is ${SCHEMA_VERSION}. The lifecycle must keep ${LIFECYCLE_MILESTONES.join(' ≤ ')} over the milestones present.`,
  item: metaSchema,
  schema: metaSchema,
  read(doc) {
    const r = readMetaWithReport(doc);
    if (!r.value) throw new Error('meta read before the incident was declared');
    return { value: r.value, setAside: r.setAside };
  },
  write(doc, m) {
    const map = metaOf(doc);
    map.set(META_KEYS.schemaVersion, SCHEMA_VERSION);
    map.set(META_KEYS.id, m.id);
    map.set(META_KEYS.title, m.title);
    map.set(META_KEYS.severity, m.severity);
    map.set(META_KEYS.status, m.status);
    map.set(META_KEYS.drill, m.drill);
    map.set(META_KEYS.summary, m.summary);
    map.set(META_KEYS.impact, m.impact);
    map.set(META_KEYS.createdBy, copy(m.createdBy));
    for (const milestone of LIFECYCLE_MILESTONES) {
      const t = m.lifecycle[milestone];
      if (t !== undefined) map.set(lifecycleKey(milestone), t);
    }
  },
  merge(doc, m) {
    // Only what is blank here is filled: summary and impact. The rest is this device's record.
    const map = metaOf(doc);
    let filled = 0;
    for (const key of [META_KEYS.summary, META_KEYS.impact] as const) {
      const current = map.get(key);
      if ((typeof current !== 'string' || current.trim() === '') && m[key].trim() !== '') {
        map.set(key, m[key]);
        filled += 1;
      }
    }
    return filled;
  },
};
