import { beforeEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { addStep, checkStep, skipStep } from './runbook-ops';
import { moveStep } from './runbook-order-ops';
import { removeStep, restoreStep } from './runbook-removal-ops';
import { runbookProgress } from './runbook-progress';
import { declareIncident } from '../incident/incident-ops';
import { UndoJournal } from '../undo/journal';
import { runbookOf } from '../../schema/incident-doc';
import { readRunbook, readTimeline } from '../../schema/read-model';
import { MINUTE, T0, newDoc, testContext, type TestContext } from '../../testing/fixtures';
import { expectRefused } from '../../testing/expect';

let doc: Y.Doc;
let t: TestContext;
let journal: UndoJournal;
const ada = { name: 'Ada', deviceId: 'dev-a' };

const step = (id: string) => readRunbook(doc).find((s) => s.id === id)!;
const lastEntry = () => readTimeline(doc).at(-1)!;
const titles = () => readRunbook(doc).filter((s) => !s.removed).map((s) => s.title);

beforeEach(() => {
  doc = newDoc();
  t = testContext(ada, T0);
  declareIncident(doc, t.ctx, { title: 'Checkout down', severity: 'SEV2' });
  journal = new UndoJournal(doc);
  t.advance(MINUTE);
});

describe('removeStep', () => {
  it('keeps the step in the document with who, when and why, logs it, and leaves the progress out of it', () => {
    const keep = addStep(doc, t.ctx, { title: 'Confirm scope' });
    const failover = addStep(doc, t.ctx, { title: 'Fail over to the other region' });
    const before = runbookOf(doc).length;
    t.advance(MINUTE);
    removeStep(doc, t.ctx, failover, ' Single-region service ');
    expect(runbookOf(doc).length).toBe(before);
    expect(step(failover)).toMatchObject({ title: 'Fail over to the other region', state: 'todo', removed: { by: ada, at: T0 + 2 * MINUTE, reason: 'Single-region service' } });
    expect(lastEntry()).toMatchObject({ kind: 'runbook', text: 'Runbook: removed “Fail over to the other region” — Single-region service', author: ada });
    checkStep(doc, t.ctx, keep);
    expect(runbookProgress(readRunbook(doc))).toMatchObject({ total: 1, done: 1, open: 0, settled: 1 });
  });

  it('refuses without a reason, a done step, and any work on a removed step, changing nothing', () => {
    const a = addStep(doc, t.ctx, { title: 'Page the database team' });
    const b = addStep(doc, t.ctx, { title: 'Drain the queue' });
    expect(expectRefused(doc, () => removeStep(doc, t.ctx, a, '  '), 'invalid_input')).toMatch(/say why the step is removed/);
    checkStep(doc, t.ctx, a);
    expect(expectRefused(doc, () => removeStep(doc, t.ctx, a, 'not needed'), 'invalid_input')).toBe('“Page the database team” is done: it stays in the runbook as a record of what was done.');
    removeStep(doc, t.ctx, b, 'Queue is empty');
    expect(expectRefused(doc, () => checkStep(doc, t.ctx, b), 'invalid_input')).toBe('“Drain the queue” was removed from the runbook. Restore it first.');
    expectRefused(doc, () => skipStep(doc, t.ctx, b, 'x'), 'invalid_input');
  });

  it('a skipped step can be removed and keeps its skip; restoring brings it back as it was, logged', () => {
    const a = addStep(doc, t.ctx, { title: 'Roll back build 4711' });
    skipStep(doc, t.ctx, a, 'No deploy today');
    const skipped = step(a);
    removeStep(doc, t.ctx, a, 'Not a deploy incident');
    restoreStep(doc, t.ctx, a);
    expect(step(a)).toEqual(skipped);
    expect(lastEntry().text).toBe('Runbook: restored “Roll back build 4711” (removed by Ada: Not a deploy incident)');
  });

  it('moves count only the steps in the plan, as the list shows them', () => {
    const ids = ['One', 'Two', 'Three', 'Four'].map((title) => addStep(doc, t.ctx, { title }));
    removeStep(doc, t.ctx, ids[1]!, 'Does not apply');
    // In the plan: One, Three, Four. Moving Four to position 1 (0-based) puts it between One and Three.
    moveStep(doc, t.ctx, ids[3]!, 1);
    expect(titles()).toEqual(['One', 'Four', 'Three']);
    expect(() => moveStep(doc, t.ctx, ids[0]!, 3)).toThrow(/past the last step/);
  });

  it('undo puts a removed step back in the plan as a new, logged change; redo removes it again', () => {
    const a = addStep(doc, t.ctx, { title: 'Fail over' });
    t.advance(MINUTE);
    removeStep(doc, t.ctx, a, 'Single region');
    const entries = readTimeline(doc).length;
    expect(journal.undo(t.ctx)).toMatchObject({ ok: true });
    expect(step(a).removed).toBeUndefined();
    expect(readTimeline(doc).length).toBeGreaterThan(entries);
    expect(lastEntry().text).toContain('“Fail over” back in the plan');
    // The removal entry itself is still in the timeline.
    expect(readTimeline(doc).some((e) => e.text === 'Runbook: removed “Fail over” — Single region' && !e.retracted)).toBe(true);
    expect(journal.redo(t.ctx)).toMatchObject({ ok: true });
    expect(step(a).removed).toMatchObject({ reason: 'Single region' });
    expect(lastEntry().text).toContain('“Fail over” removed again');
  });
});
