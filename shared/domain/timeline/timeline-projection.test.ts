import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createIncidentDoc, timelineOf } from '../../schema/incident-doc';
import { readTimeline } from '../../schema/read-model';
import { declareIncident } from '../incident/incident-ops';
import { addEntry, editEntry, retractEntry, setPinned } from './timeline-ops';
import { TimelineProjection } from './timeline-projection';
import type { OpContext } from '../../core/context';

const ctxAt = (start: number): OpContext => {
  let t = start;
  let n = 0;
  return { actor: { name: 'Ada', deviceId: 'dev-a' }, now: () => (t += 1000), newId: () => `id-${++n}` };
};

describe('TimelineProjection', () => {
  it('matches a full read after every kind of change, local and remote', () => {
    const doc = createIncidentDoc('inc-1');
    const ctx = ctxAt(Date.UTC(2026, 0, 1));
    declareIncident(doc, ctx, { title: 'x', severity: 'SEV2' });
    const p = new TimelineProjection(doc);
    const a = addEntry(doc, ctx, { kind: 'observation', text: 'one' });
    expect(p.entries()).toEqual(readTimeline(doc));
    const b = addEntry(doc, ctx, { kind: 'action', text: 'two', occurredAt: Date.UTC(2025, 11, 31) });
    expect(p.entries()).toEqual(readTimeline(doc));
    editEntry(doc, ctx, { id: a, text: 'one, edited' });
    expect(p.entries()).toEqual(readTimeline(doc));
    setPinned(doc, ctx, b, true);
    retractEntry(doc, ctx, a, 'wrong host');
    expect(p.entries()).toEqual(readTimeline(doc));

    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    addEntry(peer, { ...ctx, actor: { name: 'Bob', deviceId: 'dev-b' } }, { kind: 'note', text: 'from peer' });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer), 'remote');
    expect(p.entries()).toEqual(readTimeline(doc));
    expect(p.entries().map((e) => e.text)).toContain('from peer');
  });

  it('keeps the identity of entries that did not change', () => {
    const doc = createIncidentDoc('inc-2');
    const ctx = ctxAt(Date.UTC(2026, 0, 1));
    declareIncident(doc, ctx, { title: 'x', severity: 'SEV2' });
    const a = addEntry(doc, ctx, { kind: 'observation', text: 'one' });
    const p = new TimelineProjection(doc);
    const before = p.entries();
    addEntry(doc, ctx, { kind: 'observation', text: 'two' });
    const after = p.entries();
    expect(after).not.toBe(before);
    expect(after.find((e) => e.id === a)).toBe(before.find((e) => e.id === a));
    setPinned(doc, ctx, a, true);
    expect(p.entries().find((e) => e.id === a)).not.toBe(after.find((e) => e.id === a));
  });

  it('drops a malformed element a peer inserted without failing the rest', () => {
    const doc = createIncidentDoc('inc-3');
    const ctx = ctxAt(Date.UTC(2026, 0, 1));
    declareIncident(doc, ctx, { title: 'x', severity: 'SEV2' });
    const p = new TimelineProjection(doc);
    const bad = new Y.Map<unknown>();
    bad.set('id', 42);
    doc.transact(() => timelineOf(doc).insert(timelineOf(doc).length, [bad]), 'remote');
    expect(p.entries()).toHaveLength(1);
  });
});
