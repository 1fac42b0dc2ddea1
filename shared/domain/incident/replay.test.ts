import { describe, expect, it } from 'vitest';
import { declareIncident, setLifecycleTimestamp, setSeverity, setStatus } from './incident-ops';
import { assignRole } from '../roles/role-ops';
import { incidentMetrics } from '../../metrics/metrics';
import { draftPostmortem } from '../../postmortem/draft';
import { applyBlockEdits } from '../../postmortem/block-edits';
import { emptyDoc, plainText } from '../../postmortem/pm-json';
import { readIncident, readMeta, readTimeline } from '../../schema/read-model';
import { newDoc, testContext } from '../../testing/fixtures';

/*
 * Google's Shakespeare incident (SRE book, appendix D), entered years later
 * by a scribe replaying the notes: started 14:54, detected 14:55, declared
 * 15:01, mitigated 15:36, resolved 16:00, closed 16:30 UTC on 21 Oct 2015.
 */
const at = (hh: number, mm: number) => Date.UTC(2015, 9, 21, hh, mm);
const TODAY = Date.UTC(2026, 11, 1, 9, 0);
const scribe = { name: 'Scribe', deviceId: 'dev-s' };

const replay = () => {
  const doc = newDoc('shakespeare');
  const t = testContext(scribe, TODAY);
  const asOf = (hh: number, mm: number) => ({ ...t.ctx, happenedAt: at(hh, mm) });
  declareIncident(doc, asOf(15, 1), { title: 'Shakespeare search down', severity: 'SEV2', startedAt: at(14, 54), detectedAt: at(14, 55) });
  assignRole(doc, asOf(15, 2), 'commander', { name: 'Jennifer', deviceId: 'name:jennifer' });
  setSeverity(doc, asOf(15, 5), 'SEV1');
  setStatus(doc, asOf(15, 36), 'monitoring');
  setStatus(doc, asOf(16, 0), 'resolved');
  setStatus(doc, asOf(16, 30), 'closed');
  return { doc, t };
};

describe('recording an incident after the fact', () => {
  it('logs the declaration, role, severity and status changes at the times they happened', () => {
    const { doc } = replay();
    const system = readTimeline(doc).map((e) => [e.kind, e.occurredAt, e.recordedAt]);
    expect(system).toEqual([
      ['status_change', at(15, 1), TODAY],
      ['role_change', at(15, 2), TODAY],
      ['severity_change', at(15, 5), TODAY],
      ['status_change', at(15, 36), TODAY],
      ['status_change', at(16, 0), TODAY],
      ['status_change', at(16, 30), TODAY],
    ]);
    expect(readMeta(doc)!.lifecycle).toEqual({ started: at(14, 54), detected: at(14, 55), declared: at(15, 1), acknowledged: at(15, 36), mitigated: at(15, 36), resolved: at(16, 0), closed: at(16, 30) });
  });

  it('gives the book’s figures', () => {
    const m = incidentMetrics(readMeta(replay().doc)!.lifecycle);
    expect(Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v === null ? null : v / 60_000]))).toEqual({ ttd: 1, ttdc: 7, tta: 41, ttm: 42, impact: 66, ttr: 66, ttc: 96 });
  });

  it('drafts a postmortem whose timeline lists 2015, never today', () => {
    const { doc } = replay();
    const draft = applyBlockEdits(emptyDoc(), draftPostmortem(readIncident(doc)!, emptyDoc()).edits);
    const text = draft.content.map(plainText).join('\n');
    expect(text).toContain('2015-10-21 15:01 UTC — Incident declared');
    expect(text).toContain('Impact duration: 1h 06m');
    expect(text).not.toContain('2026-');
  });
});

describe('moving the status after the lifecycle was back-dated', () => {
  it('is never refused for a time the person did not type: the stamp falls back to the latest earlier milestone', () => {
    const doc = newDoc('backdated');
    const t = testContext(scribe, TODAY);
    declareIncident(doc, t.ctx, { title: 'Back-dated', severity: 'SEV2' });
    // The lifecycle is then set to past times, by hand.
    setLifecycleTimestamp(doc, t.ctx, 'declared', at(15, 1));
    setLifecycleTimestamp(doc, t.ctx, 'started', at(14, 54));
    setLifecycleTimestamp(doc, t.ctx, 'mitigated', at(15, 36));
    // Live status changes today: identified, resolved and closed were all refused before.
    for (const s of ['identified', 'resolved', 'closed'] as const) expect(() => setStatus(doc, t.ctx, s)).not.toThrow();
    const lc = readMeta(doc)!.lifecycle;
    expect(lc.acknowledged).toBe(at(15, 1));
    expect(lc.resolved).toBe(TODAY);
    expect(readTimeline(doc).find((e) => e.text.startsWith('Status investigating → identified'))!.text).toBe(
      "Status investigating → identified; acknowledged set to declared's time, since now would be after mitigated",
    );
  });

  it('refuses a time the person typed that breaks the order, naming the milestones in words and times as people read them', () => {
    const doc = newDoc('typed');
    const t = testContext(scribe, TODAY);
    declareIncident(doc, { ...t.ctx, happenedAt: at(15, 1) }, { title: 'Typed', severity: 'SEV2' });
    expect(() => setStatus(doc, { ...t.ctx, happenedAt: at(14, 0) }, 'identified')).toThrow(
      /^Declared \(21 Oct 2015, 15:01 UTC\) cannot be later than acknowledged \(21 Oct 2015, 14:00 UTC\)/,
    );
  });
});
