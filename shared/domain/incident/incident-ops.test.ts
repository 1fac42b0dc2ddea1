import { readableUtc } from '../../time/utc-time';
import { beforeEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { declareIncident, setDrill, setLifecycleTimestamp, setSeverity, setStatus, setSummaryFields, setTitle } from './incident-ops';
import { SCHEMA_VERSION, metaOf } from '../../schema/incident-doc';
import { META_KEYS } from '../../schema/records/meta';
import { readIncident, readMeta, readTimeline } from '../../schema/read-model';
import { MAX_TEXT, MAX_TITLE } from '../../schema/validation';
import type { Severity, Status } from '../../schema/types';
import { MINUTE, T0, newDoc, recordOrigins, testContext, type TestContext } from '../../testing/fixtures';
import { expectRefused, watchLocalWrites } from '../../testing/expect';

let doc: Y.Doc;
let t: TestContext;

const declared = (input: Partial<Parameters<typeof declareIncident>[2]> = {}) => {
  declareIncident(doc, t.ctx, { title: 'Checkout down', severity: 'SEV2', ...input });
  t.advance(MINUTE);
};
const lastEntry = () => readTimeline(doc).at(-1)!;
const noWrite = (fn: () => void) => {
  const rec = recordOrigins(doc);
  fn();
  rec.stop();
  expect(rec.updates).toEqual([]);
};

beforeEach(() => {
  doc = newDoc('inc-42');
  t = testContext({ name: 'Ada', deviceId: 'dev-a' }, T0 + 10 * MINUTE);
});

describe('declareIncident', () => {
  it('writes meta and the first timeline entry in one local transaction', () => {
    const w = watchLocalWrites(doc);
    declareIncident(doc, t.ctx, { title: '  Checkout down  ', severity: 'SEV2' });
    w.check();
    expect(w.rec.transactions).toHaveLength(1);
    const snap = readIncident(doc)!;
    expect(snap.meta).toEqual({
      id: 'inc-42',
      title: 'Checkout down',
      severity: 'SEV2',
      status: 'investigating',
      drill: false,
      summary: '',
      impact: '',
      lifecycle: { declared: t.current() },
      createdBy: { name: 'Ada', deviceId: 'dev-a' },
    });
    expect(metaOf(doc).get(META_KEYS.schemaVersion)).toBe(SCHEMA_VERSION);
    expect(snap.timeline).toHaveLength(1);
    const [first] = snap.timeline;
    expect(first).toMatchObject({ id: t.issued[0], kind: 'status_change', occurredAt: t.current(), recordedAt: t.current(), clock: 1 });
    expect(first!.text).toContain('SEV2');
    expect(first!.text).toContain('Checkout down');
    expect(first!.text).toMatch(/^Incident declared/);
  });

  it('records started/detected times, the drill flag and the summary', () => {
    const w = watchLocalWrites(doc);
    declared({ drill: true, summary: 'payments', startedAt: T0, detectedAt: T0 + 5 * MINUTE });
    w.check();
    const meta = readMeta(doc)!;
    expect(meta.lifecycle).toEqual({ started: T0, detected: T0 + 5 * MINUTE, declared: T0 + 10 * MINUTE });
    expect(meta.drill).toBe(true);
    expect(meta.summary).toBe('payments');
    expect(readTimeline(doc)[0]!.text).toMatch(/^Drill declared/);
  });

  it('refuses to declare twice', () => {
    declared();
    expectRefused(doc, () => declareIncident(doc, t.ctx, { title: 'Again', severity: 'SEV1' }), 'already_declared');
  });

  it.each([
    ['an empty title', { title: '   ', severity: 'SEV1' }],
    ['a title that is too long', { title: 'x'.repeat(MAX_TITLE + 1), severity: 'SEV1' }],
    ['an unknown severity', { title: 'x', severity: 'SEV0' }],
    ['a time in seconds', { title: 'x', severity: 'SEV1', startedAt: Math.floor(T0 / 1000) }],
    ['a fractional time', { title: 'x', severity: 'SEV1', detectedAt: T0 + 0.5 }],
    ['a summary that is too long', { title: 'x', severity: 'SEV1', summary: 'x'.repeat(MAX_TEXT + 1) }],
  ])('refuses %s without touching the doc', (_what, input) => {
    expectRefused(doc, () => declareIncident(doc, t.ctx, input as never), 'invalid_input');
    expect(readIncident(doc)).toBeNull();
  });

  it.each([
    ['started after detected', { startedAt: T0 + 2 * MINUTE, detectedAt: T0 + MINUTE }],
    ['detected after declared (now)', { detectedAt: T0 + 11 * MINUTE }],
  ])('refuses %s with lifecycle_order', (_what, times) => {
    expectRefused(doc, () => declareIncident(doc, t.ctx, { title: 'x', severity: 'SEV1', ...times }), 'lifecycle_order');
  });
});

describe('setTitle / setSeverity / setDrill / setSummaryFields', () => {
  beforeEach(() => declared());

  it('setTitle renames and logs old and new title', () => {
    const w = watchLocalWrites(doc);
    setTitle(doc, t.ctx, ' Card payments failing ');
    w.check();
    expect(readMeta(doc)!.title).toBe('Card payments failing');
    expect(lastEntry()).toMatchObject({ kind: 'lifecycle', occurredAt: t.current() });
    expect(lastEntry().text).toContain('Checkout down');
    expect(lastEntry().text).toContain('Card payments failing');
    noWrite(() => setTitle(doc, t.ctx, 'Card payments failing'));
    expectRefused(doc, () => setTitle(doc, t.ctx, ''), 'invalid_input');
    expectRefused(doc, () => setTitle(doc, t.ctx, 42 as never), 'invalid_input');
  });

  it('setSeverity changes severity and logs the change', () => {
    const w = watchLocalWrites(doc);
    setSeverity(doc, t.ctx, 'SEV1');
    w.check();
    expect(readMeta(doc)!.severity).toBe('SEV1');
    expect(lastEntry()).toMatchObject({ kind: 'severity_change', text: 'Severity SEV2 → SEV1' });
    noWrite(() => setSeverity(doc, t.ctx, 'SEV1'));
    expectRefused(doc, () => setSeverity(doc, t.ctx, 'sev1' as Severity), 'invalid_input');
  });

  it('setDrill toggles the flag and logs both directions', () => {
    const w = watchLocalWrites(doc);
    setDrill(doc, t.ctx, true);
    expect(readMeta(doc)!.drill).toBe(true);
    expect(lastEntry().kind).toBe('drill');
    setDrill(doc, t.ctx, false);
    w.check(2);
    expect(readMeta(doc)!.drill).toBe(false);
    expect(readTimeline(doc).filter((e) => e.kind === 'drill')).toHaveLength(2);
    noWrite(() => setDrill(doc, t.ctx, false));
    expectRefused(doc, () => setDrill(doc, t.ctx, 'yes' as never), 'invalid_input');
  });

  it('setSummaryFields writes only the given fields and logs nothing', () => {
    const before = readTimeline(doc).length;
    const w = watchLocalWrites(doc);
    setSummaryFields(doc, t.ctx, { summary: 'DB failover', impact: '10% of checkouts' });
    setSummaryFields(doc, t.ctx, { impact: '12% of checkouts' });
    w.check(2);
    expect(readMeta(doc)).toMatchObject({ summary: 'DB failover', impact: '12% of checkouts' });
    expect(readTimeline(doc)).toHaveLength(before);
    expectRefused(doc, () => setSummaryFields(doc, t.ctx, { impact: 'x'.repeat(MAX_TEXT + 1) }), 'invalid_input');
    expectRefused(doc, () => setSummaryFields(doc, t.ctx, { summary: 7 as never }), 'invalid_input');
  });
});

describe('setStatus', () => {
  beforeEach(() => declared({ startedAt: T0, detectedAt: T0 + MINUTE }));
  const declaredAt = T0 + 10 * MINUTE;

  it('moving forward records the milestone at now, logged at that time', () => {
    const w = watchLocalWrites(doc);
    setStatus(doc, t.ctx, 'identified');
    w.check();
    expect(readMeta(doc)!.status).toBe('identified');
    expect(readMeta(doc)!.lifecycle.acknowledged).toBe(t.current());
    expect(lastEntry()).toMatchObject({ kind: 'status_change', text: 'Status investigating → identified', occurredAt: t.current() });
  });

  it('jumping ahead with an explicit time fills the skipped milestones', () => {
    const at = declaredAt + 30 * MINUTE;
    setStatus(doc, t.ctx, 'resolved', at);
    expect(readMeta(doc)!.lifecycle).toEqual({
      started: T0,
      detected: T0 + MINUTE,
      declared: declaredAt,
      acknowledged: at,
      mitigated: at,
      resolved: at,
    });
    expect(lastEntry().occurredAt).toBe(at);
  });

  it('moving back clears later milestones and logs what they were', () => {
    setStatus(doc, t.ctx, 'identified', declaredAt + MINUTE);
    setStatus(doc, t.ctx, 'monitoring', declaredAt + 2 * MINUTE);
    t.setNow(declaredAt + 5 * MINUTE);
    const w = watchLocalWrites(doc);
    setStatus(doc, t.ctx, 'investigating');
    w.check();
    const meta = readMeta(doc)!;
    expect(meta.status).toBe('investigating');
    expect(meta.lifecycle.mitigated).toBeUndefined();
    expect(meta.lifecycle.acknowledged).toBe(declaredAt + MINUTE);
    expect(lastEntry().text).toContain('(moved back)');
    expect(lastEntry().text).toContain(`mitigated was ${readableUtc(declaredAt + 2 * MINUTE)}`);
  });

  it('does nothing when the status is unchanged', () => {
    noWrite(() => setStatus(doc, t.ctx, 'investigating'));
  });

  it('refuses a milestone before an earlier one', () => {
    expect(expectRefused(doc, () => setStatus(doc, t.ctx, 'monitoring', declaredAt - 1), 'lifecycle_order')).toContain('declared');
  });

  it.each([
    ['unknown status', () => setStatus(doc, t.ctx, 'fixed' as Status)],
    ['time in seconds', () => setStatus(doc, t.ctx, 'resolved', Math.floor(declaredAt / 1000))],
    ['time after 2200', () => setStatus(doc, t.ctx, 'resolved', Date.UTC(2300, 0, 1))],
  ])('refuses %s', (_what, fn) => {
    expectRefused(doc, fn, 'invalid_input');
  });
});

describe('setLifecycleTimestamp', () => {
  beforeEach(() => declared());
  const declaredAt = T0 + 10 * MINUTE;

  it('sets and clears a milestone, logging each', () => {
    const w = watchLocalWrites(doc);
    setLifecycleTimestamp(doc, t.ctx, 'started', T0);
    expect(readMeta(doc)!.lifecycle.started).toBe(T0);
    expect(lastEntry()).toMatchObject({ kind: 'lifecycle', occurredAt: t.current() });
    expect(lastEntry().text).toContain('started');
    setLifecycleTimestamp(doc, t.ctx, 'started', null);
    w.check(2);
    expect(readMeta(doc)!.lifecycle.started).toBeUndefined();
    expect(lastEntry().text).toContain('Cleared');
  });

  it('does nothing when the value is unchanged', () => {
    noWrite(() => setLifecycleTimestamp(doc, t.ctx, 'declared', declaredAt));
    noWrite(() => setLifecycleTimestamp(doc, t.ctx, 'closed', null));
  });

  it('refuses out-of-order times', () => {
    expectRefused(doc, () => setLifecycleTimestamp(doc, t.ctx, 'started', declaredAt + 1), 'lifecycle_order');
    expectRefused(doc, () => setLifecycleTimestamp(doc, t.ctx, 'mitigated', declaredAt - 1), 'lifecycle_order');
  });

  it.each([
    ['clearing declared', () => setLifecycleTimestamp(doc, t.ctx, 'declared', null)],
    ['an unknown milestone', () => setLifecycleTimestamp(doc, t.ctx, 'fixed' as never, T0)],
    ['a time before 2000', () => setLifecycleTimestamp(doc, t.ctx, 'started', Date.UTC(1999, 0, 1))],
    ['NaN', () => setLifecycleTimestamp(doc, t.ctx, 'started', Number.NaN)],
  ])('refuses %s', (_what, fn) => {
    expectRefused(doc, fn, 'invalid_input');
  });
});
