import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import { RECORD_TYPES, readIncident, type IncidentSnapshot } from '../schema/records';
import { SINGLE_ROLES } from '../schema/records/roles';
import { compareEntries } from '../schema/records/timeline-order';
import { ROLE_LABELS } from '../domain/roles/role-ops';
import type { PmNode } from '../postmortem/pm-json';
import { ANY, PLAIN, incidentArbitrary } from '../testing/arbitraries';
import { T0 } from '../testing/fixtures';
import { docFromExport } from './doc-from-export';
import { EXPORT_FORMAT, EXPORT_VERSION, incidentToJson, parseIncidentExport } from './json';
import { checkImportFile } from './import-file';
import { incidentToMarkdown } from './markdown';
import { utcSeconds } from './markdown-text';

/*
 * Every field survives export and import: random incidents that use every
 * record type and field (experts, lifted retractions, risky steps, order keys
 * and the postmortem among them) go through the JSON export, the Yjs export
 * and the Markdown export.
 */

const RUNS = 100;

/** The order readers give: the timeline by time, clock and id; experts by when they joined; roles in role order. */
const canonical = (s: IncidentSnapshot): IncidentSnapshot => ({
  ...s,
  timeline: [...s.timeline].sort(compareEntries),
  experts: [...s.experts].sort((a, b) => a.assignedAt - b.assignedAt || (a.holder.deviceId < b.holder.deviceId ? -1 : a.holder.deviceId > b.holder.deviceId ? 1 : 0)),
  roles: SINGLE_ROLES.flatMap((r) => s.roles.filter((x) => x.role === r)),
});

const docOf = (snap: IncidentSnapshot): Y.Doc => docFromExport({ format: EXPORT_FORMAT, schemaVersion: EXPORT_VERSION, exportedAt: T0, incident: snap });

describe('export and import keep every field', () => {
  it('covers every record type', () => {
    expect(RECORD_TYPES.map((r) => r.name).sort()).toEqual(['actions', 'evidence', 'experts', 'meta', 'periods', 'postmortem', 'roles', 'runbook', 'timeline', 'updates']);
  });

  it('JSON: export, then import into a fresh document, reads the same snapshot', () => {
    fc.assert(
      fc.property(incidentArbitrary(ANY), (snap) => {
        const doc = docOf(snap);
        const read = readIncident(doc)!;
        // Nothing generated was dropped or changed by the readers.
        expect(read).toEqual(canonical(snap));
        const json = incidentToJson(doc, T0);
        const checked = checkImportFile(new TextEncoder().encode(json), 'incident.json');
        expect(checked.ok, checked.ok ? '' : checked.message).toBe(true);
        const parsed = parseIncidentExport(json);
        if (!parsed.ok) throw new Error(parsed.message);
        expect(readIncident(docFromExport(parsed.value))).toEqual(read);
      }),
      { numRuns: RUNS },
    );
  }, 600_000);

  it('Yjs: the update imports and reads the same snapshot', () => {
    fc.assert(
      fc.property(incidentArbitrary(ANY), (snap) => {
        const doc = docOf(snap);
        const bytes = Y.encodeStateAsUpdate(doc);
        const checked = checkImportFile(bytes, 'incident.yjs');
        expect(checked.ok, checked.ok ? '' : checked.message).toBe(true);
        const fresh = new Y.Doc({ guid: doc.guid });
        Y.applyUpdate(fresh, bytes);
        expect(readIncident(fresh)).toEqual(readIncident(doc));
      }),
      { numRuns: RUNS },
    );
  }, 600_000);

  it('Markdown: every field appears', () => {
    fc.assert(
      fc.property(incidentArbitrary(PLAIN), (snap) => {
        const md = incidentToMarkdown(readIncident(docOf(snap))!, T0);
        const has = (v: string | number | null | undefined, what: string) => {
          if (v === null || v === undefined || v === '') return;
          expect(md, what).toContain(typeof v === 'number' ? (v > 1e11 ? utcSeconds(v) : String(v)) : v.trim());
        };
        const actor = (a: { name: string; deviceId: string }, what: string) => {
          has(a.name, `${what} name`);
          has(a.deviceId, `${what} device`);
        };
        const { meta } = snap;
        for (const v of [meta.id, meta.title, meta.severity, meta.status, meta.summary, meta.impact]) has(v, 'meta');
        expect(md).toContain(meta.drill ? '| Drill | yes' : '| Drill | no |');
        actor(meta.createdBy, 'declared by');
        for (const t of Object.values(meta.lifecycle)) has(t, 'lifecycle');
        for (const r of snap.roles) {
          has(ROLE_LABELS[r.role], 'role');
          actor(r.holder, 'holder');
          actor(r.assignedBy, 'assigned by');
          has(r.assignedAt, 'assigned at');
        }
        for (const e of snap.experts) {
          actor(e.holder, 'expert');
          actor(e.assignedBy, 'expert assigned by');
          has(e.area, 'area');
          has(e.assignedAt, 'expert since');
        }
        for (const r of snap.evidence) {
          for (const v of [r.device, r.deviceId, `Statement ${r.seq} `, r.kind, r.entryId, r.hash, r.result, r.prev, r.at, r.sig]) has(v, 'statement');
        }
        for (const e of snap.timeline) {
          for (const v of [e.id, e.text, e.occurredAt, e.recordedAt, `clock ${e.clock}`, e.kind.replace(/_/g, ' ')]) has(v, 'entry');
          actor(e.author, 'author');
          if (e.pinned) expect(md).toContain(`\`${e.id}\``);
          if (e.retracted) {
            actor(e.retracted.by, 'retracted by');
            has(e.retracted.at, 'retracted at');
            has(e.retracted.reason, 'retraction reason');
          }
          for (const v of e.edits) {
            has(v.text, 'earlier text');
            has(v.occurredAt, 'earlier time');
            has(v.editedAt, 'edited at');
            actor(v.editedBy, 'edited by');
            if (v.lifted) {
              actor(v.lifted.by, 'lifted retraction by');
              has(v.lifted.at, 'lifted retraction at');
              has(v.lifted.reason, 'lifted retraction reason');
            }
          }
        }
        for (const s of snap.runbook) {
          for (const v of [s.id, s.title, s.detail, s.assignee, s.state, s.skipReason, s.doneAt, s.order, s.rollback]) has(v, 'step');
          if (s.doneBy) actor(s.doneBy, 'done by');
          if (s.risky) expect(md).toContain('RISKY');
        }
        for (const a of snap.actions) {
          for (const v of [a.id, a.title, a.owner, a.due, a.priority, a.type, a.status.replace('_', ' '), a.createdAt]) has(v, 'action');
          actor(a.createdBy, 'created by');
        }
        for (const u of snap.updates) {
          for (const v of [u.id, u.status, u.text, u.postedAt]) has(v, 'update');
          actor(u.postedBy, 'posted by');
        }
        for (const p of snap.periods) {
          for (const v of [p.id, p.goal, p.startedAt, p.plannedEndAt, p.endedAt, p.brief, p.acknowledgedAt]) has(v, 'period');
          for (const a of [p.startedBy, p.endedBy, p.acknowledgedBy]) if (a) actor(a, 'period actor');
        }
        const texts = (n: PmNode): string[] => (n.type === 'text' ? [n.text ?? ''] : (n.content ?? []).flatMap(texts));
        for (const text of snap.postmortem.content.flatMap(texts)) has(text, 'postmortem text');
      }),
      { numRuns: RUNS },
    );
  }, 600_000);
});
