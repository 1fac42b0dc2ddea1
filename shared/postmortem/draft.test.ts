import { describe, expect, it } from 'vitest';
import { readIncident } from '../schema/read-model';
import { addEntry, retractEntry } from '../domain/timeline/timeline-ops';
import { declareIncident, setStatus, setSummaryFields } from '../domain/incident/incident-ops';
import { MINUTE, T0, newDoc, testContext } from '../testing/fixtures';
import type { IncidentSnapshot } from '../schema/types';
import { applyBlockEdits } from './block-edits';
import { draftPostmortem, seedTemplateEdit, timelineLines, utcMinuteLabel } from './draft';
import { bulletList, emptyDoc, heading, paragraph, plainText, type PmDoc } from './pm-json';
import { duplicateSections, parseSections } from './sections';
import { templateBlocks } from './template';

const ada = { name: 'Ada', deviceId: 'dev-a' };

/** An incident with one entry of each interesting sort, 5 minutes apart. */
const incident = (opts: { summary?: string } = {}) => {
  const doc = newDoc();
  const t = testContext(ada, T0);
  declareIncident(doc, t.ctx, { title: 'Checkout down', severity: 'SEV2', startedAt: T0 - 10 * MINUTE, summary: opts.summary ?? '' });
  t.advance(5 * MINUTE);
  addEntry(doc, t.ctx, { kind: 'observation', text: 'Error rate at 40%', pinned: true });
  t.advance(5 * MINUTE);
  addEntry(doc, t.ctx, { kind: 'observation', text: 'Chatter nobody pinned' });
  t.advance(5 * MINUTE);
  addEntry(doc, t.ctx, { kind: 'decision', text: 'Roll back the deploy' });
  t.advance(5 * MINUTE);
  const wrong = addEntry(doc, t.ctx, { kind: 'decision', text: 'Fail over to us-west' });
  retractEntry(doc, t.ctx, wrong, 'never happened');
  t.advance(5 * MINUTE);
  setStatus(doc, t.ctx, 'monitoring');
  return { doc, t, snap: (): IncidentSnapshot => readIncident(doc)! };
};

const sectionText = (doc: PmDoc, id: Parameters<ReturnType<typeof parseSections>['sections']['get']>[0]): string[] =>
  parseSections(doc).sections.get(id)?.lines ?? [];

const templated = (): PmDoc => ({ type: 'doc', content: templateBlocks() });

describe('timelineLines', () => {
  it('takes pinned and key entries in time order, leaves out retracted and unpinned chatter', () => {
    const texts = timelineLines(incident().snap()).map((l) => l.text);
    expect(texts).toEqual([
      'Impact started',
      'Incident declared: SEV2 — Checkout down (Ada)',
      'Observation: Error rate at 40% (Ada)',
      'Decision: Roll back the deploy (Ada)',
      expect.stringMatching(/^Status investigating → monitoring .*\(Ada\)$/),
    ]);
  });

  it('takes the actions people logged too, however much chatter came after them', () => {
    const { doc, t, snap } = incident();
    addEntry(doc, t.ctx, { kind: 'action', text: 'Restarted the payment workers' });
    for (let i = 0; i < 20; i += 1) addEntry(doc, t.ctx, { kind: 'observation', text: `noise ${i}` });
    const texts = timelineLines(snap()).map((l) => l.text);
    expect(texts).toContain('Action: Restarted the payment workers (Ada)');
    expect(texts.some((x) => x.includes('noise'))).toBe(false);
  });
  it('labels times in UTC to the minute', () => {
    expect(utcMinuteLabel(Date.UTC(2024, 4, 6, 7, 8, 59))).toBe('2024-05-06 07:08 UTC');
  });
});

describe('draftPostmortem', () => {
  it('fills the blank summary, impact and timeline sections of the template and nothing else', () => {
    const { snap } = incident();
    const doc = templated();
    const draft = draftPostmortem(snap(), doc);
    const after = applyBlockEdits(doc, draft.edits);
    expect(draft.filled).toEqual(['summary', 'impact', 'timeline']);
    expect(sectionText(after, 'summary')[0]).toMatch(/^SEV2 incident “Checkout down”, declared /);
    // Impact from "started" (10 min before declaring) to "mitigated" (monitoring, 25 min after): not resolved yet.
    expect(sectionText(after, 'impact')[0]).toMatch(/^Impact duration: 35m 00s, from .* until mitigated at .*UTC\.$/);
    expect(sectionText(after, 'timeline')).toHaveLength(5);
    expect(sectionText(after, 'timeline').join('\n')).toContain('Error rate at 40%');
    expect(sectionText(after, 'timeline').join('\n')).not.toContain('Fail over');
    expect(parseSections(after).sections.get('detection')!.blank).toBe(true);
    // Every heading of the template is still there, once.
    expect(parseSections(after).duplicates).toEqual([]);
    expect(parseSections(after).sections.size).toBe(templateBlocks().length / 2);
  });

  it('uses the summary written in meta when there is one', () => {
    const { snap } = incident({ summary: 'Checkout failed for EU.\n\nA bad config push.' });
    const after = applyBlockEdits(templated(), draftPostmortem(snap(), templated()).edits);
    expect(sectionText(after, 'summary')).toEqual(['Checkout failed for EU.', 'A bad config push.']);
  });

  it('never overwrites a section someone wrote in', () => {
    const { doc, t, snap } = incident();
    setSummaryFields(doc, t.ctx, { summary: 'from meta', impact: 'meta impact' });
    const typed: PmDoc = { type: 'doc', content: [heading(2, 'Summary'), paragraph('Typed by a human'), heading(2, 'Impact'), paragraph('Also typed')] };
    const after = applyBlockEdits(typed, draftPostmortem(snap(), typed).edits);
    expect(sectionText(after, 'summary')).toEqual(['Typed by a human']);
    expect(sectionText(after, 'impact')).toEqual(['Also typed']);
    expect(sectionText(after, 'timeline')).toHaveLength(5);
  });

  it('appends only timeline lines that are not there yet, to the existing list', () => {
    const { doc, t, snap } = incident();
    const first = applyBlockEdits(templated(), draftPostmortem(snap(), templated()).edits);
    t.advance(MINUTE);
    addEntry(doc, t.ctx, { kind: 'decision', text: 'Keep the freeze until Monday' });
    const second = draftPostmortem(snap(), first);
    expect(second.filled).toEqual([]);
    expect(second.timelineAdded).toBe(1);
    const after = applyBlockEdits(first, second.edits);
    const lines = sectionText(after, 'timeline');
    expect(lines).toHaveLength(6);
    expect(lines.at(-1)).toContain('Keep the freeze until Monday');
    expect(after.content.filter((b) => b.type === 'bulletList')).toHaveLength(1);
    // Drafting again changes nothing.
    expect(draftPostmortem(snap(), after).edits).toEqual([]);
  });

  it('keeps a line someone reworded around the time and text, and keeps their own lines', () => {
    const { snap } = incident();
    const line = timelineLines(snap()).find((l) => l.text.includes('Roll back'))!;
    const doc: PmDoc = {
      type: 'doc',
      content: [heading(2, 'Timeline'), paragraph(`At ${line.timeLabel} we chose: ${line.text} – good call`), paragraph('My own note')],
    };
    const after = applyBlockEdits(doc, draftPostmortem(snap(), doc).edits);
    const lines = sectionText(after, 'timeline');
    expect(lines.filter((l) => l.includes('Roll back'))).toHaveLength(1);
    expect(lines.slice(0, 2)).toEqual([expect.stringContaining('good call'), 'My own note']);
    expect(lines).toHaveLength(2 + 4);
    const mine = after.content.findIndex((b) => plainText(b) === 'My own note');
    expect(after.content[mine + 1]!.type).toBe('bulletList');
  });

  it('adds missing sections in template order before the next section the document has', () => {
    const { snap } = incident();
    const doc: PmDoc = { type: 'doc', content: [paragraph('Intro of our own'), heading(2, 'Detection'), paragraph('PagerDuty alert'), heading(2, 'Action items')] };
    const after = applyBlockEdits(doc, draftPostmortem(snap(), doc).edits);
    const headings = after.content.filter((b) => b.type === 'heading').map(plainText);
    expect(headings).toEqual(['Summary', 'Impact', 'Detection', 'Timeline', 'Action items']);
    expect(plainText(after.content[0]!)).toBe('Intro of our own');
    expect(sectionText(after, 'detection')).toEqual(['PagerDuty alert']);
  });

  it('replaces a blank document instead of leaving an empty paragraph on top', () => {
    const { snap } = incident();
    const doc: PmDoc = { type: 'doc', content: [paragraph()] };
    const after = applyBlockEdits(doc, draftPostmortem(snap(), doc).edits);
    expect(after.content[0]).toEqual(heading(2, 'Summary'));
  });

  it('adds a new list after the last block when the section ends in a paragraph', () => {
    const { snap } = incident();
    const doc: PmDoc = { type: 'doc', content: [heading(2, 'Timeline'), bulletList([['my bullet']]), paragraph('closing words')] };
    const after = applyBlockEdits(doc, draftPostmortem(snap(), doc).edits);
    // Summary and Impact are missing, so they come first; the new list goes after "closing words".
    expect(after.content.map((b) => b.type)).toEqual(['heading', 'paragraph', 'heading', 'paragraph', 'heading', 'bulletList', 'paragraph', 'bulletList']);
    expect(after.content[5]!.content).toHaveLength(1);
  });
});

describe('seedTemplateEdit', () => {
  it('seeds a blank document and refuses one with any text, so a second click cannot duplicate', () => {
    const edit = seedTemplateEdit({ type: 'doc', content: [paragraph()] }, templateBlocks());
    expect(edit).toEqual({ at: 0, deleteCount: 1, blocks: templateBlocks() });
    const seeded = applyBlockEdits(emptyDoc(), [edit!]);
    expect(seedTemplateEdit(seeded, templateBlocks())).toBeNull();
    expect(seedTemplateEdit({ type: 'doc', content: [paragraph('x')] }, templateBlocks())).toBeNull();
  });

  it('reports sections that appear twice, as after two people seeded at once', () => {
    const both: PmDoc = { type: 'doc', content: [...templateBlocks(), ...templateBlocks()] };
    expect(parseSections(both).duplicates).toHaveLength(templateBlocks().length / 2);
  });
});

describe('duplicateSections', () => {
  it('names sections whose heading appears twice, ignoring headings of the authors own', () => {
    expect(duplicateSections(['Summary', 'Notes', 'Timeline', 'summary:', 'Notes'])).toEqual(['summary']);
    expect(duplicateSections(['Summary', 'Impact'])).toEqual([]);
  });
});
