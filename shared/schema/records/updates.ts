import { z } from 'zod';
import { STATUSES, type StakeholderUpdate } from '../types';
import { updatesOf } from '../incident-doc';
import { MAX_ITEMS, MAX_TEXT, actorSchema, appendAll, copy, firstIssue, idSchema, isObject, nonBlank, timeSchema } from './fields';
import { idsIn, itemWriter } from './timeline';
import type { ReadResult, RecordType, SetAside } from './record-type';

export const updateSchema: z.ZodType<StakeholderUpdate> = z.strictObject({
  id: idSchema,
  status: z.enum(STATUSES, { error: 'is not a known status' }),
  text: nonBlank(MAX_TEXT),
  postedAt: timeSchema,
  postedBy: actorSchema,
});

export const updatesRecord: RecordType<'updates', StakeholderUpdate[]> = {
  name: 'updates',
  topLevel: 'updates',
  title: 'Stakeholder updates',
  layout: 'A `Y.Array` of plain objects, one per update as it was posted. A posted update never changes and is never deleted: a correction is a new update.',
  item: updateSchema,
  schema: z.array(updateSchema).max(MAX_ITEMS),
  read(doc): ReadResult<StakeholderUpdate[]> {
    const value: StakeholderUpdate[] = [];
    const setAside: SetAside[] = [];
    updatesOf(doc).toArray().forEach((v, index) => {
      const parsed = updateSchema.safeParse(v);
      if (parsed.success) value.push(parsed.data);
      else setAside.push({ record: 'updates', id: isObject(v) && typeof v.id === 'string' ? v.id : null, reason: firstIssue(parsed.error), client: itemWriter(updatesOf(doc), index) });
    });
    return { value, setAside };
  },
  write(doc, updates) {
    appendAll(updatesOf(doc), updates.map(copy));
  },
  merge(doc, updates) {
    const have = idsIn(updatesOf(doc));
    const missing = updates.filter((u) => !have.has(u.id));
    appendAll(updatesOf(doc), missing.map(copy));
    return missing.length;
  },
};
