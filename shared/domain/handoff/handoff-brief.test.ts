import { beforeEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { handoffBrief, keyEventsOf } from './handoff-brief';
import { declareIncident, setSeverity, setStatus, setSummaryFields } from '../incident/incident-ops';
import { addEntry, retractEntry } from '../timeline/timeline-ops';
import { assignRole } from '../roles/role-ops';
import { addExpert } from '../roles/expert-ops';
import { addStep, checkStep, skipStep } from '../runbook/runbook-ops';
import { addActionItem, updateActionItem } from '../actions/action-ops';
import { postUpdate } from '../updates/update-ops';
import { readIncident, readTimeline } from '../../schema/read-model';
import { MINUTE, T0, newDoc, testContext, type TestContext } from '../../testing/fixtures';

let doc: Y.Doc;
let t: TestContext;
const ada = { name: 'Ada', deviceId: 'dev-a' };
const bob = { name: 'Bob', deviceId: 'dev-b' };

const brief = (extra: { keyEvents?: number } = {}) =>
  handoffBrief({ incident: readIncident(doc)!, now: t.current(), by: ada, ...extra });
const sectionOf = (text: string, heading: string) => {
  const start = text.indexOf(`## ${heading}`);
  expect(start, heading).toBeGreaterThanOrEqual(0);
  const end = text.indexOf('\n## ', start + 1);
  return text.slice(start, end < 0 ? undefined : end);
};

beforeEach(() => {
  doc = newDoc();
  t = testContext(ada, T0);
  declareIncident(doc, t.ctx, { title: 'Checkout errors in EU', severity: 'SEV2' });
  t.advance(MINUTE);
});

describe('handoffBrief', () => {
  it('states the situation: severity, status and impact', () => {
    setSeverity(doc, t.ctx, 'SEV1');
    setStatus(doc, t.ctx, 'identified');
    setSummaryFields(doc, t.ctx, { impact: '10% of card\npayments fail' });
    const s = sectionOf(brief(), 'Situation');
    expect(s).toContain('- Severity: SEV1');
    expect(s).toContain('- Status: identified');
    expect(s).toContain('- Impact: 10% of card payments fail');
    expect(brief()).toMatch(/^# Handoff brief: Checkout errors in EU\n/);
    expect(sectionOf(brief(), 'Objective')).toContain('Apply the fix');
  });

  it('lists the most recent key events: pinned, decisions and status changes, not retracted ones', () => {
    addEntry(doc, t.ctx, { kind: 'observation', text: 'just noise' });
    addEntry(doc, t.ctx, { kind: 'observation', text: 'p99 at 4s', pinned: true });
    const wrong = addEntry(doc, t.ctx, { kind: 'decision', text: 'Fail over' });
    retractEntry(doc, t.ctx, wrong, 'region down');
    t.advance(MINUTE);
    addEntry(doc, t.ctx, { kind: 'decision', text: 'Freeze deploys' });
    setStatus(doc, t.ctx, 'identified');
    const events = sectionOf(brief(), 'Key events');
    expect(events).toContain('p99 at 4s');
    expect(events).toContain('Freeze deploys');
    expect(events).toContain('identified');
    expect(events).not.toContain('just noise');
    expect(events).not.toContain('Fail over');
    const two = sectionOf(brief({ keyEvents: 2 }), 'Key events');
    expect(two).not.toContain('p99 at 4s');
    expect(two.indexOf('Freeze deploys')).toBeLessThan(two.indexOf('identified'));
    expect(keyEventsOf(readTimeline(doc), 0)).toEqual([]);
  });

  it('lists open runbook steps with assignee and rollback, and open actions', () => {
    const a = addStep(doc, t.ctx, { title: 'Confirm scope' });
    addStep(doc, t.ctx, { title: 'Fail over', assignee: 'Bob', risky: true, rollback: 'fail back' });
    const c = addStep(doc, t.ctx, { title: 'Page vendor' });
    addStep(doc, t.ctx, { title: 'Record evidence' });
    checkStep(doc, t.ctx, a);
    skipStep(doc, t.ctx, c, 'no vendor');
    addActionItem(doc, t.ctx, { title: 'Add alert', owner: 'Cy', due: '2024-02-01', priority: 'P1' });
    const done = addActionItem(doc, t.ctx, { title: 'Old task', owner: 'Cy', due: '2024-02-01' });
    updateActionItem(doc, t.ctx, done, { status: 'done' });
    const text = brief();
    const steps = sectionOf(text, 'Open runbook steps');
    expect(steps).toContain('(2 of 4 settled)');
    expect(steps).toContain('- [ ] Fail over (Bob) RISKY; rollback: fail back');
    expect(steps).toContain('- [ ] Record evidence (unassigned)');
    expect(steps).not.toContain('Confirm scope');
    expect(steps).not.toContain('Page vendor');
    const actions = sectionOf(text, 'Open actions');
    expect(actions).toContain('Add alert (Cy, due 2024-02-01, P1)');
    expect(actions).not.toContain('Old task');
  });

  it('says when the next stakeholder update is due, or that it is overdue', () => {
    expect(sectionOf(brief(), 'Communications')).toContain('none posted yet');
    // SEV2: due 30 min after declaring; one minute has passed.
    expect(sectionOf(brief(), 'Communications')).toMatch(/Next update due: 00:30 UTC \(in 29 min\)/);
    t.advance(40 * MINUTE);
    expect(sectionOf(brief(), 'Communications')).toMatch(/OVERDUE by 11 min/);
    postUpdate(doc, t.ctx, { status: 'investigating', text: 'We are investigating.' });
    const comms = sectionOf(brief(), 'Communications');
    expect(comms).toContain('(investigating) by Ada');
    expect(comms).toContain('(in 30 min)');
  });

  it('names who holds each role, with the subject-matter experts', () => {
    assignRole(doc, t.ctx, 'commander', ada);
    assignRole(doc, t.ctx, 'scribe', bob);
    addExpert(doc, t.ctx, bob, 'Postgres');
    addExpert(doc, t.ctx, { name: 'Cy', deviceId: 'name:cy' });
    const roles = sectionOf(brief(), 'Roles');
    expect(roles).toContain('- Incident commander: Ada');
    expect(roles).toContain('- Scribe: Bob');
    expect(roles).toContain('- Deputy: UNASSIGNED');
    expect(roles).toContain('- Subject-matter experts: Bob (Postgres), Cy');
  });
});
