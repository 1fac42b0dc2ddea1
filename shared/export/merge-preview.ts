import * as Y from 'yjs';
import { IMPORT_ORIGIN } from '../core/origins';
import { readIncidentWithReport, type IncidentSnapshot } from '../schema/records';
import { MILESTONE_LABEL } from '../schema/records/lifecycle-order';
import { ROLE_LABELS } from '../domain/roles/role-ops';
import { LIFECYCLE_MILESTONES } from '../schema/types';
import { plainText } from '../postmortem/pm-json';
import { readableUtc } from '../time/utc-time';

/**
 * What merging a Yjs file into the incident already here would do, worked
 * out on a scratch copy before anything here changes. A CRDT merge applies a
 * fork's deletions and overwrites too: a forked file deleted a timeline entry
 * and a runbook step and replaced the title, with only "Merged" said. So:
 * deletions and damaged records refuse the import; changes to what is here
 * are listed, for the person to confirm.
 */
export interface MergePreview {
  /** Why the merge is refused: what it would delete or damage. */
  refusals: string[];
  /** What it would change that is already here. */
  changes: string[];
}

const text = (s: string) => `“${s.length > 60 ? `${s.slice(0, 57)}…` : s}”`;

const byId = <T extends { id: string }>(items: readonly T[]) => new Map(items.map((x) => [x.id, x]));

export const previewYjsMerge = (target: Y.Doc, update: Uint8Array): MergePreview => {
  const scratch = new Y.Doc({ guid: target.guid });
  try {
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(target));
    const before = readIncidentWithReport(scratch);
    Y.applyUpdate(scratch, update, IMPORT_ORIGIN);
    const after = readIncidentWithReport(scratch);
    if (!before || !after) return { refusals: [], changes: [] };
    return compare(before.snapshot, after.snapshot, before.setAside.length, after.setAside);
  } finally {
    scratch.destroy();
  }
};

const compare = (a: IncidentSnapshot, b: IncidentSnapshot, damagedBefore: number, damagedAfter: { record: string; id: string | null; reason: string }[]): MergePreview => {
  const refusals: string[] = [];
  const changes: string[] = [];
  const lists = [
    ['timeline', 'timeline entry', (x: { text?: string; title?: string }) => x.text ?? x.title ?? ''],
    ['runbook', 'runbook step', (x: { title?: string }) => x.title ?? ''],
    ['actions', 'action item', (x: { title?: string }) => x.title ?? ''],
    ['updates', 'stakeholder update', (x: { text?: string }) => x.text ?? ''],
  ] as const;
  for (const [key, word, label] of lists) {
    const after = byId(b[key] as { id: string }[]);
    for (const x of a[key] as { id: string }[]) if (!after.has(x.id)) refusals.push(`it deletes the ${word} ${text(label(x as never))}`);
  }
  const expertsAfter = new Set(b.experts.map((e) => e.holder.deviceId));
  for (const e of a.experts) if (!expertsAfter.has(e.holder.deviceId)) changes.push(`${e.holder.name} would no longer be a subject-matter expert`);
  const pmBefore = a.postmortem.content.map(plainText).join('\n').length;
  const pmAfter = b.postmortem.content.map(plainText).join('\n').length;
  if (pmBefore > 0 && pmAfter < pmBefore / 2) refusals.push(`it deletes most of the postmortem (${pmBefore - pmAfter} of ${pmBefore} characters)`);
  if (damagedAfter.length > damagedBefore) {
    const d = damagedAfter[damagedAfter.length - 1]!;
    refusals.push(`it holds a damaged record in ${d.record}${d.id ? ` (“${d.id}”)` : ''}: ${d.reason}`);
  }

  for (const k of ['title', 'severity', 'status', 'drill', 'summary', 'impact'] as const) {
    if (a.meta[k] !== b.meta[k]) changes.push(`the ${k} changes from ${text(String(a.meta[k]))} to ${text(String(b.meta[k]))}`);
  }
  for (const m of LIFECYCLE_MILESTONES) {
    const x = a.meta.lifecycle[m];
    const y = b.meta.lifecycle[m];
    if (x !== y) changes.push(`${MILESTONE_LABEL[m].toLowerCase()} changes from ${x === undefined ? 'none' : readableUtc(x)} to ${y === undefined ? 'none' : readableUtc(y)}`);
  }
  const rolesAfter = new Map(b.roles.map((r) => [r.role, r]));
  for (const r of a.roles) {
    const now = rolesAfter.get(r.role);
    if (!now) changes.push(`${r.holder.name} would no longer be ${ROLE_LABELS[r.role].toLowerCase()}`);
    else if (now.holder.deviceId !== r.holder.deviceId) changes.push(`${ROLE_LABELS[r.role]} changes from ${r.holder.name} to ${now.holder.name}`);
  }
  const entriesAfter = byId(b.timeline);
  for (const e of a.timeline) {
    const now = entriesAfter.get(e.id);
    if (!now) continue;
    if (now.text !== e.text && now.edits.length <= e.edits.length) refusals.push(`it replaces the text of the entry ${text(e.text)} without keeping the earlier version`);
    if (e.retracted && !now.retracted && !now.edits.some((v) => v.lifted)) refusals.push(`it takes back the retraction of ${text(e.text)} without keeping it`);
  }
  const stepsAfter = byId(b.runbook);
  for (const s of a.runbook) {
    const now = stepsAfter.get(s.id);
    if (now && now.state !== s.state) changes.push(`the step ${text(s.title)} changes from ${s.state} to ${now.state}`);
  }
  return { refusals, changes };
};
