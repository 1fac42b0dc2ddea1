import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LOCAL_ORIGIN, REDO_ORIGIN, REMOTE_ORIGIN, RESTORE_ORIGIN, STORAGE_ORIGIN, UNDO_ORIGIN } from '../../core/origins';
import { declareIncident } from '../incident/incident-ops';
import { addEntry } from '../timeline/timeline-ops';
import { addStep } from '../runbook/runbook-ops';
import { postmortemOf, runbookOf, timelineOf } from '../../schema/incident-doc';
import { readRunbook, readTimeline } from '../../schema/read-model';
import { appendJsonToFragment, fragmentToJson } from '../../postmortem/fragment-json';
import { paragraph, plainText } from '../../postmortem/pm-json';
import { newDoc, syncInto, testContext } from '../../testing/fixtures';
import { watchDeletions, type MassDeletion } from './deletion-guard';

const OWN = new Set<unknown>([LOCAL_ORIGIN, STORAGE_ORIGIN, UNDO_ORIGIN, REDO_ORIGIN, RESTORE_ORIGIN]);

const setup = () => {
  const doc = newDoc('guarded');
  const t = testContext();
  declareIncident(doc, t.ctx, { title: 'Guarded', severity: 'SEV2' });
  const ids = [1, 2, 3].map((i) => addEntry(doc, t.ctx, { kind: 'note', text: `note ${i}` }));
  addStep(doc, t.ctx, { title: 'Fail over' });
  doc.transact(() => appendJsonToFragment(postmortemOf(doc), { type: 'doc', content: [paragraph('x'.repeat(400))] }), LOCAL_ORIGIN);
  const reports: MassDeletion[] = [];
  watchDeletions(doc, OWN, () => 1, (d) => reports.push(d));
  const peer = new Y.Doc({ guid: doc.guid });
  syncInto(doc, peer, REMOTE_ORIGIN);
  const fromPeer = (f: () => void) => {
    peer.transact(f);
    syncInto(peer, doc, REMOTE_ORIGIN);
  };
  return { doc, t, ids, reports, peer, fromPeer };
};

describe('a peer that deletes what Warroom never deletes', () => {
  it('is noticed, and one action puts the timeline back, logged, with the same ids and texts', () => {
    const { doc, t, ids, reports, peer, fromPeer } = setup();
    fromPeer(() => timelineOf(peer).delete(0, timelineOf(peer).length));
    expect(readTimeline(doc)).toHaveLength(0);
    expect(reports.map((r) => [r.what, r.count])).toEqual([['timeline entries', 5]]);
    reports[0]!.restore(t.ctx);
    const back = readTimeline(doc);
    for (const id of ids) expect(back.find((e) => e.id === id)?.text).toMatch(/^note \d$/);
    expect(back.at(-1)!.text).toBe('Restored 5 timeline entries that a change from a peer had deleted');
  });

  it('puts back runbook steps and an emptied postmortem', () => {
    const { doc, t, reports, peer, fromPeer } = setup();
    fromPeer(() => {
      runbookOf(peer).delete(0, 1);
      postmortemOf(peer).delete(0, postmortemOf(peer).length);
    });
    expect(reports.map((r) => r.what).sort()).toEqual(['runbook step', 'the postmortem']);
    for (const r of reports) r.restore(t.ctx);
    expect(readRunbook(doc).map((s) => s.title)).toEqual(['Fail over']);
    expect(plainText(fragmentToJson(postmortemOf(doc)).content[0]!)).toBe('x'.repeat(400));
  });

  it('is not raised by this user’s own edits, nor by a peer adding or editing', () => {
    const { doc, t, reports, peer, fromPeer } = setup();
    addEntry(doc, t.ctx, { kind: 'note', text: 'mine' });
    doc.transact(() => postmortemOf(doc).delete(0, postmortemOf(doc).length), LOCAL_ORIGIN);
    fromPeer(() => addEntry(peer, testContext({ name: 'Bob', deviceId: 'dev-b' }).ctx, { kind: 'note', text: 'theirs' }));
    expect(reports).toEqual([]);
  });
});
