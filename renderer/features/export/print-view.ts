import type * as Y from 'yjs';
import { isBlankDoc, type PmNode } from '@shared/postmortem/pm-json';
import { safeLinkTarget, utcSeconds } from '@shared/export/markdown-text';
import { readIncident } from '@shared/schema/read-model';
import { METRIC_NAMES, METRIC_SPANS, describeSpan, formatDuration, metricOf } from '@shared/metrics/metrics';
import { MILESTONE_LABEL } from '@shared/schema/records/lifecycle-order';
import { LIFECYCLE_MILESTONES } from '@shared/schema/types';
import { ROLE_LABELS } from '@shared/domain/roles/role-ops';
import { verificationSummary, verifyTimeline, type SignatureCache } from '@shared/evidence/verify';
import type { IncidentSnapshot } from '@shared/schema/types';
import { verification } from '../evidence';
import './print.css';

/*
 * PDF through the print dialog ("Save as PDF" in Chromium and Electron). The
 * page to print is built from the document in its own root, outside React, so
 * a command palette can call printIncident from anywhere; print.css hides the
 * app while printing. Everything is built with textContent: no markup from text.
 */

type Child = Node | string;
const h = (tag: string, attrs: Record<string, string> = {}, ...children: Child[]): HTMLElement => {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.append(...children);
  return el;
};

const BLOCK_TAG: Record<string, string> = { paragraph: 'p', bulletList: 'ul', orderedList: 'ol', listItem: 'li', blockquote: 'blockquote', horizontalRule: 'hr', hardBreak: 'br' };
const MARK_TAG: Record<string, string> = { bold: 'strong', italic: 'em', strike: 's', code: 'code', underline: 'u' };

const pmNode = (node: PmNode): Node => {
  if (node.type === 'text') {
    let el: Node = document.createTextNode(node.text ?? '');
    for (const m of node.marks ?? []) {
      const href = m.type === 'link' ? safeLinkTarget(m.attrs?.href) : null;
      if (href) el = h('a', { href }, el);
      else if (MARK_TAG[m.type]) el = h(MARK_TAG[m.type]!, {}, el);
    }
    return el;
  }
  const children = (node.content ?? []).map(pmNode);
  if (node.type === 'heading') return h(`h${Math.min(6, Math.max(1, Number(node.attrs?.level) || 2))}`, {}, ...children);
  if (node.type === 'codeBlock') return h('pre', {}, h('code', {}, ...children));
  return h(BLOCK_TAG[node.type] ?? 'div', {}, ...children);
};

const table = (head: string[], rows: Child[][]): HTMLElement =>
  h('table', {}, h('thead', {}, h('tr', {}, ...head.map((c) => h('th', {}, c)))), h('tbody', {}, ...rows.map((r) => h('tr', {}, ...r.map((c) => h('td', {}, c))))));

const utc = (t: number | null | undefined): string => (t === null || t === undefined ? '—' : `${utcSeconds(t)} UTC`);

/** The print view (the PDF): the same record as the Markdown export, in the same order. */
/** What the signatures say, as the Markdown export says it; the statements themselves are in the JSON and Markdown exports. */
const signaturesSection = (snap: IncidentSnapshot, signatures?: SignatureCache): HTMLElement[] => {
  if (snap.evidence.length === 0) return [h('h2', {}, 'Signatures'), h('p', {}, 'No entry is signed: it was written by devices that do not sign.')];
  const report = verifyTimeline(snap.timeline, snap.evidence, { describeTime: (t) => utc(t), cache: signatures });
  const unverified = snap.timeline.flatMap((e) => {
    const v = report.entries.get(e.id);
    return v?.state === 'unverified' ? [`${utcSeconds(e.occurredAt)} ${e.text}: ${v.reasons.join(' ')}`] : [];
  });
  return [
    h('h2', {}, 'Signatures'),
    h('p', {}, verificationSummary(report)),
    ...[...report.problems, ...unverified].map((p) => h('p', {}, p)),
    table(['Key', 'Device', 'Statements'], report.keys.map((k) => [k.key, k.deviceId, String(k.statements)])),
  ];
};

export const buildPrintView = (doc: Y.Doc, signatures?: SignatureCache): HTMLElement | null => {
  const snap = readIncident(doc);
  if (!snap) return null;
  const { meta, postmortem } = snap;
  const root = h('article', { class: 'print-root', 'aria-hidden': 'true' });
  const figures = METRIC_NAMES.map((n) => {
    const ms = metricOf(meta.lifecycle, n);
    return [METRIC_SPANS[n].label, describeSpan(n), ms === null ? '—' : formatDuration(ms)];
  });
  root.append(
    h('h1', {}, meta.title),
    h('p', { class: 'print-meta' }, `${meta.severity} · ${meta.status}${meta.drill ? ' · drill' : ''} · declared by ${meta.createdBy.name} · times in UTC`),
    table(['Milestone', 'Time (UTC)'], LIFECYCLE_MILESTONES.filter((m) => meta.lifecycle[m] !== undefined).map((m) => [MILESTONE_LABEL[m], utc(meta.lifecycle[m])])),
    h('h2', {}, 'Response figures'),
    table(['Figure', 'From → to', 'Value'], figures),
    ...(meta.summary.trim() ? [h('h2', {}, 'Summary (incident details)'), h('p', {}, meta.summary)] : []),
    ...(meta.impact.trim() ? [h('h2', {}, 'Impact (incident details)'), h('p', {}, meta.impact)] : []),
    ...(isBlankDoc(postmortem) ? [h('p', {}, 'No postmortem has been written yet.')] : postmortem.content.map(pmNode)),
    h('h2', {}, 'Roles'),
    table(
      ['Role', 'Holder', 'Since (UTC)'],
      [...snap.roles.map((r) => [ROLE_LABELS[r.role], r.holder.name, utc(r.assignedAt)]), ...snap.experts.map((e) => [`Subject-matter expert${e.area ? ` (${e.area})` : ''}`, e.holder.name, utc(e.assignedAt)])],
    ),
    h('h2', {}, 'Runbook'),
    table(
      ['Step', 'State', 'Assignee', 'By', 'At (UTC)', 'Notes'],
      snap.runbook.map((st) => [st.title, st.removed ? `${st.state}, removed` : st.state, st.assignee ?? '—', st.doneBy?.name ?? '—', utc(st.doneAt), [st.detail, st.skipReason ? `skipped: ${st.skipReason}` : '', st.removed ? `removed ${utc(st.removed.at)} by ${st.removed.by.name}: ${st.removed.reason}` : '', st.risky ? 'risky' : '', st.rollback ? `rollback: ${st.rollback}` : st.risky ? 'rollback: none given' : ''].filter(Boolean).join('; ') || '—']),
    ),
    h('h2', {}, 'Stakeholder updates'),
    table(['Posted (UTC)', 'Status', 'By', 'Update'], snap.updates.map((u) => [utc(u.postedAt), u.status, u.postedBy.name, u.text])),
    h('h2', {}, 'Action items'),
    table(
      ['Action item', 'Owner', 'Due', 'Priority', 'Type', 'Status'],
      snap.actions.map((a) => [a.title, a.owner || '—', a.due || '—', a.priority, a.type, a.status.replace('_', ' ')]),
    ),
    h('h2', {}, 'Operational periods'),
    snap.periods.length === 0
      ? h('p', {}, 'One period: the incident has not been run in shifts.')
      : table(
          ['#', 'Goal', 'Started (UTC)', 'Planned end (UTC)', 'Ended (UTC)', 'Handoff acknowledged'],
          snap.periods.map((p, i) => [
            String(i + 1),
            p.goal,
            `${utc(p.startedAt)} by ${p.startedBy.name}`,
            utc(p.plannedEndAt),
            p.endedAt === null ? 'open' : `${utc(p.endedAt)}${p.endedBy ? ` by ${p.endedBy.name}` : ''}`,
            p.acknowledgedAt === null ? '—' : `${utc(p.acknowledgedAt)}${p.acknowledgedBy ? ` by ${p.acknowledgedBy.name}` : ''}`,
          ]),
        ),
    ...snap.periods.flatMap((p, i) => (p.brief ? [h('h3', {}, `Handoff brief at the end of period ${i + 1}`), h('pre', { class: 'print-brief' }, p.brief)] : [])),
    h('h2', {}, 'Incident timeline (UTC)'),
    table(
      ['Time', 'Kind', 'Author', 'Entry'],
      snap.timeline.map((e) => [
        utcSeconds(e.occurredAt),
        e.kind.replace(/_/g, ' '),
        e.author.name,
        e.retracted
          ? h('span', {}, h('s', {}, e.text), ` (retracted by ${e.retracted.by.name} at ${utc(e.retracted.at)}${e.retracted.reason ? `: ${e.retracted.reason}` : ''})`)
          : `${e.pinned ? '📌 ' : ''}${e.text}${e.edits.length > 0 ? ` (edited ${e.edits.length}×)` : ''}`,
      ]),
    ),
    ...signaturesSection(snap, signatures),
  );
  return root;
};

/**
 * Mount the incident's print view, run `print`, and remove the view when it is
 * done. `print` is window.print() (blocking until the dialog closes), or any
 * host call that renders the page with print media, such as a platform
 * printToPdf.
 */
export const withPrintView = async (doc: Y.Doc, print: () => unknown): Promise<boolean> => {
  const view = buildPrintView(doc, await verification.checked(doc));
  if (!view) return false;
  document.querySelectorAll('.print-root').forEach((el) => el.remove());
  document.body.append(view);
  try {
    await print();
  } finally {
    view.remove();
  }
  return true;
};

/**
 * Opens the print dialog for this incident; choose "Save as PDF" for a PDF.
 * The view stays until 'afterprint': print() blocks in Chromium, but not in
 * every host, and the view must outlive the dialog.
 */
export const printIncident = (doc: Y.Doc): Promise<boolean> =>
  withPrintView(
    doc,
    () =>
      new Promise<void>((resolve) => {
        const done = () => {
          window.removeEventListener('afterprint', done);
          resolve();
        };
        window.addEventListener('afterprint', done);
        window.print();
      }),
  );
