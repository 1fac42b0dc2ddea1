import { ROLE_LABELS } from '../domain/roles/role-ops';
import { METRIC_NAMES, METRIC_SPANS, describeSpan, formatDuration, metricOf } from '../metrics/metrics';
import { isBlankDoc } from '../postmortem/pm-json';
import type { RecordName } from '../schema/records';
import { MILESTONE_LABEL } from '../schema/records/lifecycle-order';
import { LIFECYCLE_MILESTONES, type Actor, type IncidentSnapshot, type TimelineEntry } from '../schema/types';
import { codeSpan, escapeInline, escapeLineStart, oneLine, table, tableCell, utcSeconds } from './markdown-text';
import { blocksMarkdown } from './pm-markdown';
import { verificationSummary, verifyTimeline, type SignatureCache } from '../evidence/verify';

/**
 * The incident as GitHub Markdown: every field of every record type, for
 * people (the postmortem reads first; the timeline in UTC; retracted entries
 * stay, struck through, with who, when and why) and for the record (an
 * appendix with ids, devices, clocks, earlier versions and order keys).
 * Each record type has its section in RECORD_SECTIONS, so a new record type
 * does not compile until it has one.
 */

const kindLabel = (kind: string): string => kind.replace(/_/g, ' ');
const utc = (t: number | null | undefined): string => (t === null || t === undefined ? '—' : `${utcSeconds(t)} UTC`);
const who = (a: Actor): string => tableCell(a.name);
const orDash = (s: string | null | undefined): string => (s && s.trim() ? tableCell(s) : '—');

/** Strikethrough needs non-space text right inside the tildes. */
const struck = (cell: string): string => (cell ? `~~${cell}~~` : cell);

const entryCell = (e: TimelineEntry): string => {
  const text = tableCell(e.text);
  const parts = [e.pinned ? `📌 ${text}` : text];
  if (e.retracted) {
    parts[0] = struck(e.pinned ? `📌 ${text}` : text);
    parts.push(`_(retracted by ${who(e.retracted.by)} at ${utc(e.retracted.at)}${e.retracted.reason.trim() ? `: ${tableCell(e.retracted.reason)}` : ''})_`);
  }
  if (e.edits.length > 0) parts.push(`_(edited ${e.edits.length}×)_`);
  return parts.join(' ');
};

const plainParagraphs = (text: string): string =>
  text
    .trim()
    .split(/\r\n|\r|\n/)
    .map((l) => escapeLineStart(escapeInline(l)))
    .join('\n');

const section = (heading: string, body: string): string => `## ${heading}\n\n${body}`;

const metaSection = (snap: IncidentSnapshot, exportedAt: number): string => {
  const { meta } = snap;
  const rows: string[][] = [
    ['Severity', meta.severity],
    ['Status', meta.status],
    ['Drill', meta.drill ? 'yes (left out of metrics)' : 'no'],
    ['Declared by', who(meta.createdBy)],
  ];
  for (const m of LIFECYCLE_MILESTONES) {
    const t = meta.lifecycle[m];
    if (t !== undefined) rows.push([MILESTONE_LABEL[m], utc(t)]);
  }
  rows.push(['Incident id', codeSpan(meta.id)], ['Exported', utc(exportedAt)]);
  const figures = METRIC_NAMES.map((n) => {
    const ms = metricOf(meta.lifecycle, n);
    return [METRIC_SPANS[n].label, describeSpan(n), ms === null ? '—' : formatDuration(ms)];
  });
  const text = [table(['Field', 'Value'], rows), section('Response figures', table(['Figure', 'From → to', 'Value'], figures))];
  if (meta.summary.trim()) text.push(section('Summary (incident details)', plainParagraphs(meta.summary)));
  if (meta.impact.trim()) text.push(section('Impact (incident details)', plainParagraphs(meta.impact)));
  return text.join('\n\n');
};

const RECORD_SECTIONS: { [K in RecordName]: (snap: IncidentSnapshot, exportedAt: number, signatures?: SignatureCache) => string } = {
  meta: metaSection,
  postmortem: (snap) => section('Postmortem', isBlankDoc(snap.postmortem) ? '_No postmortem has been written yet._' : blocksMarkdown(snap.postmortem.content)),
  roles: (snap) =>
    section(
      'Roles',
      snap.roles.length === 0
        ? '_No roles held._'
        : table(['Role', 'Holder', 'Since (UTC)', 'Assigned by'], snap.roles.map((r) => [ROLE_LABELS[r.role], who(r.holder), utc(r.assignedAt), who(r.assignedBy)])),
    ),
  experts: (snap) =>
    section(
      'Subject-matter experts',
      snap.experts.length === 0
        ? '_None._'
        : table(['Expert', 'Area', 'Since (UTC)', 'Assigned by'], snap.experts.map((e) => [who(e.holder), orDash(e.area), utc(e.assignedAt), who(e.assignedBy)])),
    ),
  runbook: (snap) =>
    section(
      'Runbook',
      snap.runbook.length === 0
        ? '_No steps._'
        : table(
            ['#', 'Step', 'State', 'Assignee', 'Done or skipped by', 'At (UTC)', 'Notes'],
            snap.runbook.map((s, i) => [
              String(i + 1),
              tableCell(s.title),
              s.removed ? `${s.state}, removed` : s.state,
              orDash(s.assignee),
              s.doneBy ? who(s.doneBy) : '—',
              utc(s.doneAt),
              [s.detail.trim() ? tableCell(s.detail) : '', s.skipReason ? `skipped: ${tableCell(s.skipReason)}` : '', s.removed ? `removed ${utc(s.removed.at)} by ${who(s.removed.by)}: ${tableCell(s.removed.reason)}` : '', s.risky ? 'RISKY' : '', s.rollback ? `rollback: ${tableCell(s.rollback)}` : s.risky ? 'rollback: none written down' : '']
                .filter(Boolean)
                .join('<br>') || '—',
            ]),
          ),
    ),
  updates: (snap) =>
    section(
      'Stakeholder updates',
      snap.updates.length === 0
        ? '_None posted._'
        : table(['Posted (UTC)', 'Status', 'By', 'Update'], snap.updates.map((u) => [utc(u.postedAt), u.status, who(u.postedBy), tableCell(u.text)])),
    ),
  actions: (snap) =>
    section(
      'Action items (tracker)',
      snap.actions.length === 0
        ? '_No action items._'
        : table(
            ['Title', 'Owner', 'Due', 'Priority', 'Type', 'Status', 'Created'],
            snap.actions.map((a) => [tableCell(a.title), orDash(a.owner), a.due || '—', a.priority, a.type, a.status.replace('_', ' '), `${utc(a.createdAt)} by ${who(a.createdBy)}`]),
          ),
    ),
  periods: (snap) =>
    section(
      'Operational periods',
      snap.periods.length === 0
        ? '_One period: the incident has not been run in shifts._'
        : [
            table(
              ['#', 'Goal', 'Started (UTC)', 'Planned end (UTC)', 'Ended (UTC)', 'Handoff acknowledged'],
              snap.periods.map((p, i) => [
                String(i + 1),
                tableCell(p.goal),
                `${utc(p.startedAt)} by ${who(p.startedBy)}`,
                utc(p.plannedEndAt),
                `${p.endedAt === null ? 'open' : utc(p.endedAt)}${p.endedBy ? ` by ${who(p.endedBy)}` : ''}`,
                `${p.acknowledgedAt === null ? '—' : utc(p.acknowledgedAt)}${p.acknowledgedBy ? ` by ${who(p.acknowledgedBy)}` : ''}`,
              ]),
            ),
            ...snap.periods.flatMap((p, i) => (p.brief && p.brief.trim() ? [section(`Handoff brief at the end of period ${i + 1}`, plainParagraphs(p.brief))] : [])),
          ].join('\n\n'),
    ),
  timeline: (snap) =>
    section(
      'Incident timeline (UTC)',
      snap.timeline.length === 0
        ? '_No entries._'
        : table(['Time (UTC)', 'Kind', 'Author', 'Entry'], snap.timeline.map((e) => [utcSeconds(e.occurredAt), kindLabel(e.kind), who(e.author), entryCell(e)])),
    ),
  evidence: (snap, _exportedAt, signatures) => evidenceSection(snap, signatures),
};

/** What the signatures say about the timeline, as an auditor reads it: the summary, every problem, every key. */
const evidenceSection = (snap: IncidentSnapshot, signatures?: SignatureCache): string => {
  if (snap.evidence.length === 0) return section('Signatures', '_No entry is signed: it was written by devices that do not sign._');
  const report = verifyTimeline(snap.timeline, snap.evidence, { describeTime: utc, cache: signatures });
  const parts = [verificationSummary(report)];
  if (report.problems.length > 0) parts.push(report.problems.map(bullet).join('\n'));
  const flagged = snap.timeline.flatMap((e) => {
    const v = report.entries.get(e.id);
    return v?.state === 'unverified' ? [bullet(`Entry ${codeSpan(e.id)} (${utcSeconds(e.occurredAt)}): ${v.reasons.join(' ')}`)] : [];
  });
  if (flagged.length > 0) parts.push(flagged.join('\n'));
  parts.push(table(['Key (Ed25519, base64url)', 'Device', 'Statements'], report.keys.map((k) => [codeSpan(k.key), codeSpan(k.deviceId), String(k.statements)])));
  parts.push('Each statement is listed in the appendix; `npm run verify -- <file.json>` checks a JSON export again.');
  return section('Signatures', parts.join('\n\n'));
};

/** In the order people read (the order of RECORD_SECTIONS): details, the postmortem, who held what, the work, the record. */
const READING_ORDER = Object.keys(RECORD_SECTIONS) as RecordName[];

const bullet = (s: string) => `- ${s}`;

/** Ids, devices, clocks, earlier versions and retractions: what an auditor needs to match this file to the record. */
const appendix = (snap: IncidentSnapshot): string => {
  const lines: string[] = [];
  for (const e of snap.timeline) {
    lines.push(bullet(`Entry ${codeSpan(e.id)} (${kindLabel(e.kind)}): happened ${utc(e.occurredAt)}, recorded ${utc(e.recordedAt)} by ${who(e.author)} on device ${codeSpan(e.author.deviceId)}, clock ${e.clock}${e.pinned ? ', pinned' : ''}`));
    for (const v of e.edits) {
      lines.push(`  - earlier version, replaced ${utc(v.editedAt)} by ${who(v.editedBy)} (${codeSpan(v.editedBy.deviceId)}): happened ${utc(v.occurredAt)}: ${tableCell(v.text)}`);
      if (v.lifted) lines.push(`    - this change lifted a retraction by ${who(v.lifted.by)} (${codeSpan(v.lifted.by.deviceId)}) at ${utc(v.lifted.at)}${v.lifted.reason.trim() ? `: ${tableCell(v.lifted.reason)}` : ''}`);
    }
    if (e.retracted) lines.push(`  - retracted ${utc(e.retracted.at)} by ${who(e.retracted.by)} (${codeSpan(e.retracted.by.deviceId)})${e.retracted.reason.trim() ? `: ${tableCell(e.retracted.reason)}` : ''}`);
  }
  for (const s of snap.runbook) lines.push(bullet(`Step ${codeSpan(s.id)}: ${tableCell(s.title)}${s.order ? `, order key ${codeSpan(s.order)}` : ''}${s.doneBy ? `, ${s.state} on device ${codeSpan(s.doneBy.deviceId)}` : ''}${s.removed ? `, removed on device ${codeSpan(s.removed.by.deviceId)}` : ''}`));
  for (const a of snap.actions) lines.push(bullet(`Action item ${codeSpan(a.id)}: ${tableCell(a.title)}, created on device ${codeSpan(a.createdBy.deviceId)}`));
  for (const p of snap.periods)
    lines.push(bullet(`Period ${codeSpan(p.id)}: opened on device ${codeSpan(p.startedBy.deviceId)}${p.endedBy ? `, ended on ${codeSpan(p.endedBy.deviceId)}` : ''}${p.acknowledgedBy ? `, acknowledged on ${codeSpan(p.acknowledgedBy.deviceId)}` : ''}`));
  for (const u of snap.updates) lines.push(bullet(`Update ${codeSpan(u.id)}: posted on device ${codeSpan(u.postedBy.deviceId)}`));
  for (const r of snap.roles) lines.push(bullet(`${ROLE_LABELS[r.role]}: ${who(r.holder)} (${codeSpan(r.holder.deviceId)}), assigned on device ${codeSpan(r.assignedBy.deviceId)}`));
  for (const x of snap.experts) lines.push(bullet(`Expert ${who(x.holder)} (${codeSpan(x.holder.deviceId)}), assigned on device ${codeSpan(x.assignedBy.deviceId)}`));
  lines.push(bullet(`Declared on device ${codeSpan(snap.meta.createdBy.deviceId)}`));
  for (const r of snap.evidence) {
    lines.push(bullet(`Statement ${r.seq} by key ${codeSpan(r.device)} for device ${codeSpan(r.deviceId)}: ${r.kind} of entry ${codeSpan(r.entryId)} at ${utc(r.at)}, hash ${codeSpan(r.hash)}, result ${r.result ? codeSpan(r.result) : 'none'}, previous ${r.prev ? codeSpan(r.prev) : 'none'}, signature ${codeSpan(r.sig)}`));
  }
  return section('Appendix: record details', lines.join('\n'));
};

/** `signatures`: signature checks already made (the app checks them first, in batches that keep the page responsive). */
export const incidentToMarkdown = (snap: IncidentSnapshot, exportedAt: number, signatures?: SignatureCache): string =>
  [`# ${escapeInline(oneLine(snap.meta.title))}`, ...READING_ORDER.map((name) => RECORD_SECTIONS[name](snap, exportedAt, signatures)), appendix(snap)].join('\n\n') + '\n';
