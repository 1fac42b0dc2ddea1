import { heading, paragraph, type PmNode } from './pm-json';

/**
 * The postmortem's sections, after Google SRE's and PagerDuty's templates, in
 * the order they are seeded. `hint` is shown in an empty section, never stored.
 */
export const SECTIONS = [
  { id: 'summary', title: 'Summary', hint: 'What happened, in two or three sentences a newcomer understands.' },
  { id: 'impact', title: 'Impact', hint: 'Who was affected, for how long, and how badly (users, requests, money).' },
  { id: 'detection', title: 'Detection', hint: 'How and when we found out: alert, customer report, someone noticing.' },
  { id: 'trigger', title: 'Trigger', hint: 'The change or event that set it off.' },
  { id: 'contributing', title: 'Contributing factors', hint: 'Root causes and conditions that made it possible or worse. Systems, not people.' },
  { id: 'resolution', title: 'Resolution', hint: 'What stopped the impact, and what fixed the cause.' },
  { id: 'wentWell', title: 'What went well', hint: 'Worth keeping.' },
  { id: 'wentWrong', title: 'What went wrong', hint: 'Worth changing.' },
  { id: 'lucky', title: 'Where we got lucky', hint: 'Near misses that could have made it worse.' },
  { id: 'timeline', title: 'Timeline', hint: 'Key moments in UTC. "Draft from timeline" adds pinned and key entries.' },
  { id: 'actionItems', title: 'Action items', hint: 'Tracked below with owner, due date and status.' },
] as const;

export type SectionId = (typeof SECTIONS)[number]['id'];
export const SECTION_IDS: readonly SectionId[] = SECTIONS.map((s) => s.id);

/** Section headings are level 2; the document title is the incident's own. */
export const SECTION_HEADING_LEVEL = 2;

/** Headings people write instead of ours that mean the same section. */
const ALIASES: Partial<Record<SectionId, string[]>> = {
  contributing: ['root cause', 'root causes', 'root causes and contributing factors', 'root cause and contributing factors'],
  actionItems: ['action items', 'follow-ups', 'follow ups'],
  lucky: ['where we got lucky', 'lucky'],
};

const normalizeTitle = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[:.\s]+$/u, '')
    .replace(/\s+/g, ' ')
    .trim();

const BY_TITLE = new Map<string, SectionId>();
for (const s of SECTIONS) BY_TITLE.set(normalizeTitle(s.title), s.id);
for (const [id, names] of Object.entries(ALIASES)) for (const n of names) BY_TITLE.set(normalizeTitle(n), id as SectionId);

/** Which section a heading starts, or null for a heading of the authors' own. */
export const sectionForHeading = (text: string): SectionId | null => BY_TITLE.get(normalizeTitle(text)) ?? null;

export const sectionTitle = (id: SectionId): string => SECTIONS.find((s) => s.id === id)!.title;
export const sectionHint = (id: SectionId): string => SECTIONS.find((s) => s.id === id)!.hint;

/** Every section as a heading followed by one empty paragraph to type into. */
export const templateBlocks = (): PmNode[] => SECTIONS.flatMap((s) => [heading(SECTION_HEADING_LEVEL, s.title), paragraph()]);
