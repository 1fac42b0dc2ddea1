import { ROLE_LABELS } from '../domain/roles/role-ops';
import { isBlankDoc, type PmDoc } from '../postmortem/pm-json';
import { LIFECYCLE_MILESTONES, type IncidentSnapshot, type TimelineEntry } from '../schema/types';
import { escapeInline, escapeLineStart, table, tableCell, utcSeconds } from './markdown-text';
import { blocksMarkdown } from './pm-markdown';

/**
 * The incident as GitHub Markdown: details, the postmortem as written, the
 * action items and the whole timeline as a table in UTC. Retracted entries stay,
 * struck through, with the reason, because the record must show what was believed.
 */

const MILESTONE_LABEL: Record<(typeof LIFECYCLE_MILESTONES)[number], string> = {
  started: 'Impact started',
  detected: 'Detected',
  declared: 'Declared',
  acknowledged: 'Acknowledged',
  mitigated: 'Mitigated',
  resolved: 'Resolved',
  closed: 'Closed',
};

const kindLabel = (kind: string): string => kind.replace(/_/g, ' ');

/** Strikethrough needs non-space text right inside the tildes. */
const struck = (cell: string): string => (cell ? `~~${cell}~~` : cell);

const entryCell = (e: TimelineEntry): string => {
  const text = tableCell(e.text);
  const parts = [e.pinned ? `📌 ${text}` : text];
  if (e.retracted) {
    parts[0] = struck(text);
    parts.push(`_(retracted${e.retracted.reason.trim() ? `: ${tableCell(e.retracted.reason)}` : ''})_`);
  }
  if (e.edits.length > 0) parts.push('_(edited)_');
  return parts.join(' ');
};

const detailsTable = (snap: IncidentSnapshot, exportedAt: number): string => {
  const { meta } = snap;
  const rows: string[][] = [
    ['Severity', meta.severity],
    ['Status', meta.status],
  ];
  if (meta.drill) rows.push(['Drill', 'yes (left out of metrics)']);
  for (const r of snap.roles) rows.push([ROLE_LABELS[r.role], tableCell(r.holder.name)]);
  for (const m of LIFECYCLE_MILESTONES) {
    const t = meta.lifecycle[m];
    if (t !== undefined) rows.push([MILESTONE_LABEL[m], `${utcSeconds(t)} UTC`]);
  }
  rows.push(['Incident id', tableCell(meta.id)], ['Exported', `${utcSeconds(exportedAt)} UTC`]);
  return table(['Field', 'Value'], rows);
};

const actionsTable = (snap: IncidentSnapshot): string =>
  snap.actions.length === 0
    ? '_No action items._'
    : table(
        ['Title', 'Owner', 'Due', 'Priority', 'Type', 'Status'],
        snap.actions.map((a) => [tableCell(a.title), tableCell(a.owner) || '—', a.due || '—', a.priority, a.type, a.status.replace('_', ' ')]),
      );

const timelineTable = (snap: IncidentSnapshot): string =>
  snap.timeline.length === 0
    ? '_No entries._'
    : table(
        ['Time (UTC)', 'Kind', 'Author', 'Entry'],
        snap.timeline.map((e) => [utcSeconds(e.occurredAt), kindLabel(e.kind), tableCell(e.author.name), entryCell(e)]),
      );

const plainParagraphs = (text: string): string =>
  text
    .trim()
    .split('\n')
    .map((l) => escapeLineStart(escapeInline(l)))
    .join('\n');

const fallbackPostmortem = (snap: IncidentSnapshot): string => {
  const parts = ['_No postmortem has been written yet._'];
  if (snap.meta.summary.trim()) parts.push('## Summary', plainParagraphs(snap.meta.summary));
  if (snap.meta.impact.trim()) parts.push('## Impact', plainParagraphs(snap.meta.impact));
  return parts.join('\n\n');
};

export const incidentToMarkdown = (snap: IncidentSnapshot, postmortem: PmDoc, exportedAt: number): string =>
  [
    `# ${escapeInline(snap.meta.title)}`,
    detailsTable(snap, exportedAt),
    isBlankDoc(postmortem) ? fallbackPostmortem(snap) : blocksMarkdown(postmortem.content),
    '## Action items (tracker)',
    actionsTable(snap),
    '## Incident timeline (UTC)',
    timelineTable(snap),
  ].join('\n\n') + '\n';
