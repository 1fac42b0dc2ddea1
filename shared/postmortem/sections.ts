import { isBlankBlock, plainText, textLines, type PmDoc } from './pm-json';
import { sectionForHeading, type SectionId } from './template';

/** Where a known section sits among the document's top-level blocks. */
export interface SectionRange {
  id: SectionId;
  /** Index of its heading. */
  heading: number;
  /** First block after the heading, and one past the last block before the next heading. */
  start: number;
  end: number;
  /** Nothing but empty paragraphs under the heading. */
  blank: boolean;
  /** Index of the last block with something in it, or null when blank. */
  lastFilled: number | null;
  /** Text of every paragraph and list item in the section. */
  lines: string[];
}

export interface ParsedPostmortem {
  sections: Map<SectionId, SectionRange>;
  /**
   * Sections whose heading appears more than once. Happens when two people
   * start from the template before their edits have met; the first copy counts.
   */
  duplicates: SectionId[];
  blockCount: number;
}

/** Split the document into sections at every heading; a heading of the authors' own ends the previous section. */
export const parseSections = (doc: PmDoc): ParsedPostmortem => {
  const sections = new Map<SectionId, SectionRange>();
  const duplicates = new Set<SectionId>();
  let open: SectionRange | null = null;
  const close = (end: number) => {
    if (open) open.end = end;
    open = null;
  };
  doc.content.forEach((block, i) => {
    if (block.type === 'heading') {
      close(i);
      const id = sectionForHeading(plainText(block));
      if (!id) return;
      if (sections.has(id)) {
        duplicates.add(id);
        return;
      }
      open = { id, heading: i, start: i + 1, end: i + 1, blank: true, lastFilled: null, lines: [] };
      sections.set(id, open);
      return;
    }
    const current = open as SectionRange | null;
    if (!current || isBlankBlock(block)) return;
    current.blank = false;
    current.lastFilled = i;
    current.lines.push(...textLines(block));
  });
  close(doc.content.length);
  return { sections, duplicates: [...duplicates], blockCount: doc.content.length };
};

/** Sections whose heading text appears more than once, from the headings alone (cheap enough per keystroke). */
export const duplicateSections = (headings: string[]): SectionId[] => {
  const seen = new Set<SectionId>();
  const twice = new Set<SectionId>();
  for (const h of headings) {
    const id = sectionForHeading(h);
    if (!id) continue;
    if (seen.has(id)) twice.add(id);
    seen.add(id);
  }
  return [...twice];
};
