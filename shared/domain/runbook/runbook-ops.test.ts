import { beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addStep, assignStep, checkStep, skipStep, uncheckStep } from './runbook-ops';
import { declareIncident } from '../incident/incident-ops';
import { runbookOf } from '../../schema/incident-doc';
import { readRunbook, readTimeline } from '../../schema/read-model';
import { MINUTE, T0, newDoc, recordOrigins, testContext, type TestContext } from '../../testing/fixtures';
import { expectRefused, watchLocalWrites } from '../../testing/expect';

let doc: Y.Doc;
let t: TestContext;
const ada = { name: 'Ada', deviceId: 'dev-a' };

const step = (id: string) => readRunbook(doc).find((s) => s.id === id)!;
const lastEntry = () => readTimeline(doc).at(-1)!;
const noWrite = (fn: () => void) => {
  const rec = recordOrigins(doc);
  fn();
  rec.stop();
  expect(rec.updates).toEqual([]);
};

beforeEach(() => {
  doc = newDoc();
  t = testContext(ada, T0);
  declareIncident(doc, t.ctx, { title: 'Checkout down', severity: 'SEV2' });
  t.advance(MINUTE);
});

describe('addStep', () => {
  it('appends a todo step with defaults, and logs it like a check', () => {
    const entries = readTimeline(doc).length;
    const w = watchLocalWrites(doc);
    const id = addStep(doc, t.ctx, { title: ' Confirm scope ' });
    const id2 = addStep(doc, t.ctx, { title: 'Fail over', detail: 'run failover.sh', assignee: 'Bob' });
    w.check(2);
    expect(id).toBe(t.issued.at(-4));
    expect(readRunbook(doc)).toEqual([
      { id, title: 'Confirm scope', detail: '', assignee: null, state: 'todo', skipReason: null, doneBy: null, doneAt: null, order: expect.any(String) },
      { id: id2, title: 'Fail over', detail: 'run failover.sh', assignee: 'Bob', state: 'todo', skipReason: null, doneBy: null, doneAt: null, order: expect.any(String) },
    ]);
    expect(runbookOf(doc).get(1).get('id')).toBe(id2);
    expect(readTimeline(doc).slice(entries).map((e) => [e.kind, e.text])).toEqual([
      ['runbook', 'Runbook: added “Confirm scope”'],
      ['runbook', 'Runbook: added “Fail over”'],
    ]);
  });

  it.each([
    ['no title', { title: '' }],
    ['a title over the limit', { title: 'x'.repeat(201) }],
    ['a blank assignee', { title: 'x', assignee: ' ' }],
    ['a non-string detail', { title: 'x', detail: 5 }],
  ])('refuses %s', (_what, input) => {
    expectRefused(doc, () => addStep(doc, t.ctx, input as never), 'invalid_input');
  });
});

describe('checkStep / uncheckStep / skipStep', () => {
  let id: string;
  beforeEach(() => {
    id = addStep(doc, t.ctx, { title: 'Fail over' });
    t.advance(MINUTE);
  });

  it('checkStep records who and when, and logs it', () => {
    const w = watchLocalWrites(doc);
    checkStep(doc, t.ctx, id);
    w.check();
    expect(step(id)).toMatchObject({ state: 'done', doneBy: ada, doneAt: t.current(), skipReason: null });
    expect(lastEntry()).toMatchObject({ kind: 'runbook', occurredAt: t.current() });
    expect(lastEntry().text).toContain('Fail over');
    noWrite(() => checkStep(doc, t.ctx, id));
  });

  it('uncheckStep reopens a done step and logs its former state', () => {
    checkStep(doc, t.ctx, id);
    t.advance(MINUTE);
    const w = watchLocalWrites(doc);
    uncheckStep(doc, t.ctx, id);
    w.check();
    expect(step(id)).toMatchObject({ state: 'todo', doneBy: null, doneAt: null, skipReason: null });
    expect(lastEntry().text).toContain('was done');
    noWrite(() => uncheckStep(doc, t.ctx, id));
  });

  it('skipStep needs a reason and records it', () => {
    const w = watchLocalWrites(doc);
    skipStep(doc, t.ctx, id, '  no standby region  ');
    w.check();
    expect(step(id)).toMatchObject({ state: 'skipped', skipReason: 'no standby region', doneBy: ada, doneAt: t.current() });
    expect(lastEntry().text).toContain('no standby region');
    checkStep(doc, t.ctx, id);
    expect(step(id)).toMatchObject({ state: 'done', skipReason: null });
  });

  it('uncheckStep reopens a skipped step and clears the reason', () => {
    skipStep(doc, t.ctx, id, 'later');
    uncheckStep(doc, t.ctx, id);
    expect(step(id)).toMatchObject({ state: 'todo', skipReason: null });
    expect(lastEntry().text).toContain('was skipped');
  });

  it('refuses to skip without a reason', () => {
    expectRefused(doc, () => skipStep(doc, t.ctx, id, ''), 'invalid_input');
    expectRefused(doc, () => skipStep(doc, t.ctx, id, '   '), 'invalid_input');
    expectRefused(doc, () => skipStep(doc, t.ctx, id, undefined as never), 'invalid_input');
  });

  it('refuses unknown, empty and malformed steps', () => {
    for (const op of [
      (s: string) => checkStep(doc, t.ctx, s),
      (s: string) => uncheckStep(doc, t.ctx, s),
      (s: string) => skipStep(doc, t.ctx, s, 'reason'),
    ]) {
      expectRefused(doc, () => op('missing'), 'not_found');
      expectRefused(doc, () => op(''), 'invalid_input');
    }
    const broken = new Y.Map<unknown>();
    doc.transact(() => {
      broken.set('id', 'broken');
      runbookOf(doc).insert(runbookOf(doc).length, [broken]);
    });
    expectRefused(doc, () => checkStep(doc, t.ctx, 'broken'), 'invalid_input');
  });
});

describe('risky steps', () => {
  it('keeps the risky flag and the rollback, and leaves them off ordinary steps', () => {
    const id = addStep(doc, t.ctx, { title: 'Fail over DB', risky: true, rollback: '  fail back with failback.sh ' });
    const plain = addStep(doc, t.ctx, { title: 'Look', rollback: '' });
    expect(step(id)).toMatchObject({ risky: true, rollback: 'fail back with failback.sh' });
    expect(step(plain)).not.toHaveProperty('risky');
    expect(step(plain)).not.toHaveProperty('rollback');
  });

  it('refuses a risky flag that is not a boolean', () => {
    expectRefused(doc, () => addStep(doc, t.ctx, { title: 'x', risky: 'yes' as never }), 'invalid_input');
  });
});

describe('assignStep', () => {
  let id: string;
  beforeEach(() => {
    id = addStep(doc, t.ctx, { title: 'Fail over' });
    t.advance(MINUTE);
  });

  it('sets and clears the assignee, logging each change', () => {
    const w = watchLocalWrites(doc);
    assignStep(doc, t.ctx, id, ' Bob ');
    w.check();
    expect(step(id).assignee).toBe('Bob');
    expect(lastEntry()).toMatchObject({ kind: 'runbook', author: ada, occurredAt: t.current() });
    expect(lastEntry().text).toContain('Bob');
    noWrite(() => assignStep(doc, t.ctx, id, 'Bob'));
    assignStep(doc, t.ctx, id, null);
    expect(step(id).assignee).toBeNull();
    expect(lastEntry().text).toContain('unassigned');
  });

  it('refuses blank names and unknown steps', () => {
    expectRefused(doc, () => assignStep(doc, t.ctx, id, '  '), 'invalid_input');
    expectRefused(doc, () => assignStep(doc, t.ctx, 'missing', 'Bob'), 'not_found');
  });
});
