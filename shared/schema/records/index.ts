import type * as Y from 'yjs';
import { z } from 'zod';
import type { IncidentMeta } from '../types';
import { TOP_LEVEL_NAMES, type TopLevelName } from '../incident-doc';
import { describeOrderViolation, findOrderViolation } from './lifecycle-order';
import { metaRecord, readMeta } from './meta';
import { rolesRecord } from './roles';
import { expertsRecord } from './experts';
import { timelineRecord } from './timeline';
import { runbookRecord } from './runbook';
import { actionsRecord } from './actions';
import { updatesRecord } from './updates';
import { postmortemRecord } from './postmortem';
import { evidenceRecord } from './evidence';
import { periodsRecord } from './periods';
import type { RecordType, SetAside } from './record-type';

/**
 * Every record type of an incident, in export order. Export, import, merge,
 * undo, the fixtures, the round-trip property test and the format
 * documentation iterate this list; nothing else lists the record types.
 */
export const RECORD_TYPES = [metaRecord, rolesRecord, expertsRecord, timelineRecord, runbookRecord, actionsRecord, updatesRecord, postmortemRecord, periodsRecord, evidenceRecord] as const;

type AnyRecord = (typeof RECORD_TYPES)[number];
export type RecordName = AnyRecord['name'];
type ValueOf<R> = R extends RecordType<string, infer V> ? V : never;

/** The whole incident as plain data: one key per record type. */
export type IncidentSnapshot = { [R in AnyRecord as R['name']]: ValueOf<R> };

/** Every top-level type holds at least one record type: a forgotten one fails to compile here. */
type Covered = AnyRecord['topLevel'];
const _everyTopLevelHasARecord: Record<TopLevelName, true> = Object.fromEntries(TOP_LEVEL_NAMES.map((n) => [n, true])) as Record<Covered, true>;
void _everyTopLevelHasARecord;

export const recordType = <N extends RecordName>(name: N): Extract<AnyRecord, { name: N }> =>
  RECORD_TYPES.find((r) => r.name === name) as Extract<AnyRecord, { name: N }>;

export interface SnapshotRead {
  snapshot: IncidentSnapshot;
  /** Items and fields a reader could not use (from a peer, or damaged): shown as damaged, never as data. */
  setAside: SetAside[];
}

/** The list, typed loosely for loops that treat every record type alike. */
const ALL = RECORD_TYPES as readonly RecordType<RecordName, unknown>[];

/** The incident as plain data, validated; null until it is declared. */
export const readIncidentWithReport = (doc: Y.Doc): SnapshotRead | null => {
  if (readMeta(doc) === null) return null;
  const out: Record<string, unknown> = {};
  const setAside: SetAside[] = [];
  for (const r of ALL) {
    const read = r.read(doc);
    out[r.name] = read.value;
    setAside.push(...read.setAside);
  }
  return { snapshot: out as IncidentSnapshot, setAside };
};

export const readIncident = (doc: Y.Doc): IncidentSnapshot | null => readIncidentWithReport(doc)?.snapshot ?? null;

const ID_LISTS = ['timeline', 'runbook', 'actions', 'updates', 'periods'] as const satisfies readonly RecordName[];
const ITEM_WORD: Record<(typeof ID_LISTS)[number], string> = { timeline: 'timeline entry', runbook: 'runbook step', actions: 'action item', updates: 'stakeholder update', periods: 'operational period' };

/**
 * The snapshot an import must hold: every record type's schema, and the rules
 * the operations keep across records: ids unique per list, and the lifecycle
 * in time order. A file that breaks one is refused, so an import can never
 * make an incident that the operations could not have made.
 */
export const snapshotSchema: z.ZodType<IncidentSnapshot> = z
  .strictObject(Object.fromEntries(ALL.map((r) => [r.name, r.schema])) as Record<RecordName, z.ZodType>)
  .superRefine((snap, ctx) => {
    const s = snap as unknown as IncidentSnapshot;
    for (const list of ID_LISTS) {
      const seen = new Set<string>();
      for (const item of s[list] as { id: string }[]) {
        if (seen.has(item.id)) {
          ctx.addIssue({ code: 'custom', path: [list], message: `lists the ${ITEM_WORD[list]} “${item.id}” twice` });
          return;
        }
        seen.add(item.id);
      }
    }
    const meta = s.meta as IncidentMeta;
    const v = findOrderViolation(meta.lifecycle);
    if (v) ctx.addIssue({ code: 'custom', path: ['meta', 'lifecycle'], message: describeOrderViolation(meta.lifecycle, v) });
  }) as unknown as z.ZodType<IncidentSnapshot>;

/** Lay a snapshot out in an empty document, record type by record type. Inside a transaction. */
export const writeSnapshot = (doc: Y.Doc, snapshot: IncidentSnapshot): void => {
  for (const r of ALL) r.write(doc, (snapshot as Record<RecordName, unknown>)[r.name]);
};

export type MergeCounts = Record<RecordName, number>;

/** Add what the snapshot has and the document lacks, record type by record type. Inside a transaction. */
export const mergeSnapshot = (doc: Y.Doc, snapshot: IncidentSnapshot): MergeCounts => {
  const counts = {} as MergeCounts;
  for (const r of ALL) counts[r.name] = r.merge(doc, (snapshot as Record<RecordName, unknown>)[r.name]);
  return counts;
};

export type { RecordType, SetAside, ReadResult } from './record-type';
