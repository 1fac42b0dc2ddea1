import { beforeEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { LOCAL_ORIGIN } from '../../core/origins';
import { declareIncident, setStatus, setSummaryFields } from '../incident/incident-ops';
import { addEntry } from '../timeline/timeline-ops';
import { assignRole } from '../roles/role-ops';
import { addStep } from '../runbook/runbook-ops';
import { addActionItem } from '../actions/action-ops';
import { readIncident } from '../../schema/records';
import { HOUR } from './test-times';
import { MINUTE, T0, newDoc, refusal, recordOrigins, testContext, type TestContext } from '../../testing/fixtures';
import { acknowledgeHandoff, currentPeriod, endPeriod, openPeriod, pendingHandoff, readPeriods } from './period-ops';
import { briefAsPlainText } from '../handoff/handoff-brief';
import { UndoJournal } from '../undo/journal';

let doc: Y.Doc;
let t: TestContext;
const ada = { name: 'Ada', deviceId: 'dev-a' };
const bob = { name: 'Bob', deviceId: 'dev-b' };

beforeEach(() => {
  doc = newDoc();
  t = testContext(ada, T0);
  declareIncident(doc, t.ctx, { title: 'Checkout errors in EU', severity: 'SEV2' });
  t.advance(MINUTE);
});

const periodEntries = () => readIncident(doc)!.timeline.filter((e) => e.kind === 'period').map((e) => e.text);

describe('operational periods', () => {
  it('opens a period with a goal and a planned end, logged in the timeline', () => {
    const origins = recordOrigins(doc);
    const id = openPeriod(doc, t.ctx, { goal: 'Stop the card failures', plannedEndAt: T0 + 8 * HOUR });
    origins.stop();
    expect(origins.updates).toEqual([LOCAL_ORIGIN]);
    const [p] = readPeriods(doc);
    expect(p).toMatchObject({ id, goal: 'Stop the card failures', startedAt: T0 + MINUTE, plannedEndAt: T0 + 8 * HOUR, endedAt: null, startedBy: ada });
    expect(currentPeriod(readPeriods(doc))?.id).toBe(id);
    expect(periodEntries()).toEqual(['Period 1 opened by Ada, planned to end 2024-01-01 08:00 UTC. Goal: Stop the card failures']);
  });

  it('refuses a blank goal, an end in the past, an end more than a week away, and a second open period, in sentences', () => {
    expect(refusal(doc, () => openPeriod(doc, t.ctx, { goal: '  ', plannedEndAt: T0 + HOUR }))).toMatchObject({ code: 'invalid_input', message: 'New period: the goal is empty.', updates: 0 });
    expect(() => openPeriod(doc, t.ctx, { goal: 'x', plannedEndAt: T0 })).toThrow('The period must end after it starts: 2024-01-01 00:00 UTC is not later than now (2024-01-01 00:01 UTC).');
    expect(() => openPeriod(doc, t.ctx, { goal: 'x', plannedEndAt: T0 + 8 * 24 * HOUR })).toThrow(/at most 7 days/);
    expect(readPeriods(doc)).toEqual([]);
    openPeriod(doc, t.ctx, { goal: 'first', plannedEndAt: T0 + HOUR });
    expect(() => openPeriod(doc, t.ctx, { goal: 'second', plannedEndAt: T0 + 2 * HOUR })).toThrow('Period 1 is still under way. End it first, so that its handoff brief is written, then open the next one.');
    expect(readPeriods(doc)).toHaveLength(1);
  });

  it('ending a period writes the handoff brief: objectives, status, open steps, open actions, roles and what changed in the period', () => {
    addEntry(doc, t.ctx, { kind: 'decision', text: 'Before the period: freeze deploys' });
    t.advance(MINUTE);
    openPeriod(doc, t.ctx, { goal: 'Stop the card failures', plannedEndAt: T0 + 8 * HOUR });
    t.advance(MINUTE);
    assignRole(doc, t.ctx, 'commander', ada);
    setSummaryFields(doc, t.ctx, { impact: 'One card payment in ten fails' });
    addEntry(doc, t.ctx, { kind: 'observation', text: 'noise noise' });
    addEntry(doc, t.ctx, { kind: 'decision', text: 'Fail over to the standby' });
    addEntry(doc, t.ctx, { kind: 'action', text: 'Restarted the payment workers' });
    setStatus(doc, t.ctx, 'identified');
    addStep(doc, t.ctx, { title: 'Confirm the error rate', assignee: 'Bob' });
    addActionItem(doc, t.ctx, { title: 'Add a canary for the card path', owner: 'Bob', due: '2024-01-09' });
    t.advance(MINUTE);
    const { brief } = endPeriod(doc, t.ctx);
    expect(brief).toMatch(/^# Handoff brief: Checkout errors in EU \(end of period 1\)\n/);
    expect(brief).toContain("- This period's goal: Stop the card failures");
    expect(brief).toContain('- Status: identified');
    expect(brief).toContain('- Impact: One card payment in ten fails');
    expect(brief).toContain('- [ ] Confirm the error rate (Bob)');
    expect(brief).toContain('- [ ] Add a canary for the card path (Bob, due 2024-01-09');
    expect(brief).toContain('- Incident commander: Ada');
    const changed = brief.slice(brief.indexOf('## What changed in period 1'), brief.indexOf('## Open runbook'));
    expect(changed).toContain('Fail over to the standby');
    expect(changed).toContain('Restarted the payment workers');
    expect(changed).toContain('identified');
    expect(changed).not.toContain('noise noise');
    expect(changed).not.toContain('freeze deploys');
    const [p] = readPeriods(doc);
    expect(p).toMatchObject({ endedAt: T0 + 4 * MINUTE, endedBy: ada, brief, acknowledgedAt: null });
    expect(pendingHandoff(readPeriods(doc))?.id).toBe(p!.id);
    expect(briefAsPlainText(brief)).toMatch(/^HANDOFF BRIEF: CHECKOUT ERRORS IN EU \(END OF PERIOD 1\)\n/);
    expect(briefAsPlainText(brief)).toContain('\nOpen actions:\n- Add a canary');
  });

  it('the incoming commander acknowledges the handoff, and that is logged; twice is refused', () => {
    openPeriod(doc, t.ctx, { goal: 'Stop the card failures', plannedEndAt: T0 + 8 * HOUR });
    expect(() => endPeriod(doc, { ...t.ctx })).not.toThrow();
    expect(() => endPeriod(doc, t.ctx)).toThrow('No period is under way. Open one with a goal and an end time first.');
    const id = readPeriods(doc)[0]!.id;
    const bobCtx = testContext(bob, T0 + HOUR);
    acknowledgeHandoff(doc, bobCtx.ctx, id);
    expect(readPeriods(doc)[0]).toMatchObject({ acknowledgedAt: T0 + HOUR, acknowledgedBy: bob });
    expect(periodEntries().at(-1)).toBe('Bob acknowledged the handoff brief of period 1 and takes over.');
    expect(() => acknowledgeHandoff(doc, bobCtx.ctx, id)).toThrow('Bob already acknowledged the handoff of period 1.');
    expect(pendingHandoff(readPeriods(doc))).toBeNull();
    openPeriod(doc, bobCtx.ctx, { goal: 'Confirm the fix holds', plannedEndAt: T0 + 9 * HOUR });
    expect(readPeriods(doc)).toHaveLength(2);
    expect(periodEntries().at(-1)).toMatch(/^Period 2 opened by Bob/);
  });

  it('undo refuses to take a period back, and the timeline keeps every period entry', () => {
    const journal = new UndoJournal(doc);
    openPeriod(doc, t.ctx, { goal: 'Stop the card failures', plannedEndAt: T0 + 8 * HOUR });
    expect(journal.undo(t.ctx)).toMatchObject({ ok: false, message: expect.stringMatching(/cannot be undone/) });
    expect(readPeriods(doc)).toHaveLength(1);
    expect(periodEntries()).toHaveLength(1);
    journal.destroy();
  });
});
