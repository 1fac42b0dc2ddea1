import { METRIC_SPANS, formatDuration, metricOf } from '../metrics/metrics';
import type { AuthoredEntryKind, EntryKind, IncidentMeta, IncidentSnapshot } from '../schema/types';
import { AUTHORED_ENTRY_KINDS } from '../schema/types';
import type { BlockEdit } from './block-edits';
import { KINDS_THAT_MATTER } from '../domain/timeline/entries-that-matter';
import { bulletList, heading, isBlankDoc, normalizeLine, paragraph, textNode, type PmDoc, type PmNode } from './pm-json';
import { parseSections, type ParsedPostmortem } from './sections';
import { SECTION_HEADING_LEVEL, SECTIONS, sectionTitle, type SectionId } from './template';

/**
 * "Draft from timeline": what to add to the postmortem, as plain data. It never
 * overwrites what people wrote. A section gets content only when it is missing
 * or blank; the timeline section also gets the key moments it does not list yet.
 */

/** Entries that belong in a postmortem timeline even when nobody pinned them: those that matter (decisions, actions, status and severity changes, shifts), and who held which role. */
export const KEY_KINDS: ReadonlySet<EntryKind> = new Set<EntryKind>([...KINDS_THAT_MATTER, 'role_change']);

const AUTHORED_LABEL: Record<AuthoredEntryKind, string> = {
  observation: 'Observation',
  action: 'Action',
  decision: 'Decision',
  status: 'Status update',
  comms: 'Comms',
  note: 'Note',
};
const isAuthored = (k: EntryKind): k is AuthoredEntryKind => (AUTHORED_ENTRY_KINDS as readonly string[]).includes(k);

/** "2024-01-01 14:32 UTC": the same on every reader's screen, whatever their time zone. */
export const utcMinuteLabel = (t: number): string => `${new Date(t).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

export interface TimelineLine {
  at: number;
  /** The timestamp label and the text: a line counts as written when an existing line holds both. */
  timeLabel: string;
  text: string;
  node: PmNode[];
}

/** Pinned and key entries, retracted ones left out, plus when impact started and was detected. */
export const timelineLines = (snapshot: IncidentSnapshot): TimelineLine[] => {
  const lines: TimelineLine[] = [];
  const push = (at: number, text: string) => {
    const timeLabel = utcMinuteLabel(at);
    lines.push({ at, timeLabel, text, node: [textNode(timeLabel, [{ type: 'bold' }]), textNode(` — ${text}`)] });
  };
  const { started, detected } = snapshot.meta.lifecycle;
  if (started !== undefined) push(started, 'Impact started');
  if (detected !== undefined) push(detected, 'Detected');
  for (const e of snapshot.timeline) {
    if (e.retracted || !(e.pinned || KEY_KINDS.has(e.kind))) continue;
    const body = isAuthored(e.kind) ? `${AUTHORED_LABEL[e.kind]}: ${e.text}` : e.text;
    push(e.occurredAt, `${body} (${e.author.name})`);
  }
  // Stable: entries keep display order among themselves; milestones slot in by time.
  return lines.map((l, i) => ({ l, i })).sort((a, b) => a.l.at - b.l.at || a.i - b.i).map(({ l }) => l);
};

const isWritten = (line: TimelineLine, existing: string[]): boolean => {
  const time = normalizeLine(line.timeLabel);
  const text = normalizeLine(line.text);
  return existing.some((l) => l.includes(time) && l.includes(text));
};

/** Meta text may hold blank-line separated paragraphs and single line breaks. */
const paragraphsOf = (text: string): PmNode[] =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => paragraph(...p.split('\n').flatMap((line, i) => (i === 0 ? [line] : [{ type: 'hardBreak' }, line]))));

export const summaryBlocks = (meta: IncidentMeta): PmNode[] => {
  if (meta.summary.trim()) return paragraphsOf(meta.summary);
  const { declared, resolved } = meta.lifecycle;
  const what = `${meta.severity} ${meta.drill ? 'drill' : 'incident'} “${meta.title}”`;
  const when = declared !== undefined ? `, declared ${utcMinuteLabel(declared)}` : '';
  const ttr = metricOf(meta.lifecycle, 'ttr');
  const end =
    resolved !== undefined
      ? `, resolved ${utcMinuteLabel(resolved)}${ttr !== null ? ` (${METRIC_SPANS.ttr.label.toLowerCase()} ${formatDuration(ttr)})` : ''}`
      : `, status ${meta.status}`;
  return [paragraph(`${what}${when}${end}.`)];
};

/** The impact paragraph, with the figure named as in METRIC_SPANS ("impact duration"). */
export const impactBlocks = (meta: IncidentMeta): PmNode[] => {
  if (meta.impact.trim()) return paragraphsOf(meta.impact);
  const { started, mitigated, resolved } = meta.lifecycle;
  if (started === undefined) return [];
  const impact = metricOf(meta.lifecycle, 'impact');
  const stop = resolved ?? mitigated;
  if (impact === null || stop === undefined) return [paragraph(`Impact began ${utcMinuteLabel(started)}.`)];
  const how = resolved !== undefined ? 'resolved' : 'mitigated';
  const mitigation = resolved !== undefined && mitigated !== undefined ? ` It was mitigated at ${utcMinuteLabel(mitigated)} (${METRIC_SPANS.ttm.label.toLowerCase()} ${formatDuration(mitigated - started)}).` : '';
  return [
    paragraph(
      `${METRIC_SPANS.impact.label}: ${formatDuration(impact)}, from ${utcMinuteLabel(started)} until ${how} at ${utcMinuteLabel(stop)}.${mitigation}`,
    ),
  ];
};

export interface DraftResult {
  edits: BlockEdit[];
  /** Sections that were blank or missing and get content. */
  filled: SectionId[];
  /** Timeline lines added (also counted when the whole section is new). */
  timelineAdded: number;
}

const TEMPLATE_ORDER = SECTIONS.map((s) => s.id);

/** Where a missing section goes: before the next section of the template that the document has. */
const insertionPoint = (id: SectionId, parsed: ParsedPostmortem): number => {
  for (const next of TEMPLATE_ORDER.slice(TEMPLATE_ORDER.indexOf(id) + 1)) {
    const s = parsed.sections.get(next);
    if (s) return s.heading;
  }
  return parsed.blockCount;
};

export const draftPostmortem = (snapshot: IncidentSnapshot, doc: PmDoc): DraftResult => {
  const parsed = parseSections(doc);
  const blankDoc = isBlankDoc(doc);
  const edits: BlockEdit[] = [];
  const filled: SectionId[] = [];
  let timelineAdded = 0;

  const timelineSection = parsed.sections.get('timeline');
  const existingLines = (timelineSection?.lines ?? []).map(normalizeLine);
  const newLines = timelineLines(snapshot).filter((l) => !isWritten(l, existingLines));
  const content: Record<'summary' | 'impact' | 'timeline', PmNode[]> = {
    summary: summaryBlocks(snapshot.meta),
    impact: impactBlocks(snapshot.meta),
    timeline: newLines.length > 0 ? [bulletList(newLines.map((l) => l.node))] : [],
  };

  // A blank document is replaced as a whole, so no empty paragraph is left on top.
  const blankDocBlocks: PmNode[] = [];
  for (const id of ['summary', 'impact', 'timeline'] as const) {
    const blocks = content[id];
    if (blocks.length === 0) continue;
    const section = parsed.sections.get(id);
    if (!section) {
      const withHeading = [heading(SECTION_HEADING_LEVEL, sectionTitle(id)), ...blocks];
      if (blankDoc) blankDocBlocks.push(...withHeading);
      else edits.push({ at: insertionPoint(id, parsed), deleteCount: 0, blocks: withHeading });
    } else if (section.blank) {
      edits.push({ at: section.start, deleteCount: section.end - section.start, blocks });
    } else if (id === 'timeline') {
      const last = doc.content[section.lastFilled!]!;
      const items = blocks[0]!.content!;
      edits.push(
        last.type === 'bulletList'
          ? { at: section.lastFilled!, deleteCount: 1, blocks: [{ ...last, content: [...(last.content ?? []), ...items] }] }
          : { at: section.lastFilled! + 1, deleteCount: 0, blocks },
      );
      timelineAdded += newLines.length;
      continue;
    } else {
      continue;
    }
    filled.push(id);
    if (id === 'timeline') timelineAdded += newLines.length;
  }
  if (blankDocBlocks.length > 0) edits.push({ at: 0, deleteCount: doc.content.length, blocks: blankDocBlocks });
  return { edits, filled, timelineAdded };
};

/**
 * "Start from template" on a blank document; null when anything is written.
 * The caller must check and apply in one synchronous step (see the pane).
 */
export const seedTemplateEdit = (doc: PmDoc, blocks: PmNode[]): BlockEdit | null =>
  isBlankDoc(doc) ? { at: 0, deleteCount: doc.content.length, blocks } : null;
