import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { REMOTE_ORIGIN, UNDO_ORIGIN } from '../../core/origins';
import { declareIncident, setLifecycleTimestamp, setSeverity, setStatus, setTitle } from '../incident/incident-ops';
import { addEntry, editEntry, retractEntry, setPinned } from '../timeline/timeline-ops';
import { assignRole } from '../roles/role-ops';
import { addExpert } from '../roles/expert-ops';
import { addStep, checkStep } from '../runbook/runbook-ops';
import { addActionItem, updateActionItem } from '../actions/action-ops';
import { postUpdate } from '../updates/update-ops';
import { readExperts, readIncident, readMeta, readRoles, readRunbook, readTimeline, readActions, readUpdates } from '../../schema/read-model';
import { MINUTE, T0, newDoc, syncInto, testContext } from '../../testing/fixtures';
import { UndoJournal } from './journal';

const ada = { name: 'Ada', deviceId: 'dev-a' };
const bob = { name: 'Bob', deviceId: 'dev-b' };

const setup = () => {
  const doc = newDoc('inc-undo');
  const t = testContext(ada, T0);
  declareIncident(doc, t.ctx, { title: 'Checkout down', severity: 'SEV2', startedAt: T0 - 10 * MINUTE });
  const journal = new UndoJournal(doc);
  const tick = () => t.advance(MINUTE);
  return { doc, t, journal, tick };
};


describe('undo never erases the record', () => {
  it('ten undos after an observation, a status change, a handoff and a posted update leave every entry in the timeline', () => {
    const { doc, t, journal, tick } = setup();
    addEntry(doc, t.ctx, { kind: 'observation', text: 'p99 at 4s' });
    tick();
    setStatus(doc, t.ctx, 'identified');
    tick();
    assignRole(doc, t.ctx, 'commander', ada);
    assignRole(doc, t.ctx, 'commander', bob);
    tick();
    postUpdate(doc, t.ctx, { status: 'identified', text: 'We found it.' });
    const before = readTimeline(doc);
    const outcomes = [];
    for (let i = 0; i < 10; i++) {
      tick();
      outcomes.push(journal.undo(t.ctx));
    }
    const after = readTimeline(doc);
    // Nothing removed: every entry that was there is still there, with its text.
    for (const e of before) expect(after.find((x) => x.id === e.id)?.text).toBe(e.text);
    // The posted update stays posted; undo said why it could not take it back.
    expect(readUpdates(doc)).toHaveLength(1);
    expect(outcomes[0]).toEqual({ ok: false, message: 'A posted stakeholder update cannot be taken back. Post a correction instead.' });
    // The handoffs and the status change were taken back by new, logged changes.
    expect(readRoles(doc)).toEqual([]);
    expect(readMeta(doc)!.status).toBe('investigating');
    expect(after.some((e) => e.kind === 'status_change' && e.text === 'Undone by Ada: status identified → investigating; acknowledged time 1 Jan 2024, 00:01 UTC → none')).toBe(true);
    expect(after.filter((e) => e.kind === 'role_change' && e.text.startsWith('Undone by Ada:'))).toHaveLength(2);
    // The observation is retracted as undone, by Ada, and keeps its text.
    const obs = after.find((e) => e.text === 'p99 at 4s')!;
    expect(obs.retracted).toMatchObject({ by: ada, reason: 'undone' });
    // Then there is nothing left to undo.
    expect(outcomes.slice(5)).toEqual([null, null, null, null, null]);
    expect(journal.canUndo()).toBe(false);
  });

  it('redo takes the undo back, again as logged changes, and the record keeps both', () => {
    const { doc, t, journal, tick } = setup();
    const id = addEntry(doc, t.ctx, { kind: 'decision', text: 'Fail over' });
    tick();
    expect(journal.undo(t.ctx)).toMatchObject({ ok: true });
    expect(readTimeline(doc).find((e) => e.id === id)!.retracted).toMatchObject({ reason: 'undone', by: ada });
    tick();
    expect(journal.redo(t.ctx)).toMatchObject({ ok: true });
    const e = readTimeline(doc).find((x) => x.id === id)!;
    expect(e.retracted).toBeNull();
    // The lifted retraction is kept in the entry's history.
    expect(e.edits.at(-1)).toMatchObject({ text: 'Fail over', editedBy: ada, lifted: { reason: 'undone', by: ada } });
    tick();
    expect(journal.undo(t.ctx)).toMatchObject({ ok: true });
    expect(readTimeline(doc).find((x) => x.id === id)!.retracted).toMatchObject({ reason: 'undone' });
  });

  it('undoing a field change writes the old value back as a new, logged change', () => {
    const { doc, t, journal, tick } = setup();
    setSeverity(doc, t.ctx, 'SEV1');
    tick();
    setTitle(doc, t.ctx, 'Checkout and payments down');
    tick();
    expect(journal.undo(t.ctx)).toMatchObject({ ok: true });
    expect(readMeta(doc)!.title).toBe('Checkout down');
    expect(journal.undo(t.ctx)).toMatchObject({ ok: true });
    expect(readMeta(doc)!.severity).toBe('SEV2');
    const texts = readTimeline(doc).map((e) => e.text);
    expect(texts).toContain('Severity SEV2 → SEV1');
    expect(texts).toContain('Undone by Ada: severity SEV1 → SEV2');
    expect(texts).toContain('Undone by Ada: title “Checkout and payments down” → “Checkout down”');
    expect(journal.redo(t.ctx)).toMatchObject({ ok: true });
    expect(readMeta(doc)!.severity).toBe('SEV1');
    expect(readTimeline(doc).map((e) => e.text)).toContain('Redone by Ada: severity SEV2 → SEV1');
  });

  it('undoes an edit through the entry’s history, and a retraction by lifting it', () => {
    const { doc, t, journal, tick } = setup();
    const id = addEntry(doc, t.ctx, { kind: 'note', text: 'first' });
    tick();
    editEntry(doc, t.ctx, { id, text: 'second' });
    tick();
    retractEntry(doc, t.ctx, id, 'wrong');
    tick();
    setPinned(doc, t.ctx, id, true);
    journal.undo(t.ctx); // unpin
    journal.undo(t.ctx); // lift the retraction
    journal.undo(t.ctx); // the edit back
    const e = readTimeline(doc).find((x) => x.id === id)!;
    expect(e).toMatchObject({ text: 'first', pinned: false, retracted: null });
    expect(e.edits.map((v) => v.text)).toEqual(['first', 'second', 'second']);
    expect(e.edits[1]!.lifted).toMatchObject({ reason: 'wrong' });
  });

  it('takes back role, expert, runbook and action item changes without deleting a step or an item', () => {
    const { doc, t, journal, tick } = setup();
    addExpert(doc, t.ctx, bob, 'Kafka');
    const step = addStep(doc, t.ctx, { title: 'Fail over' });
    tick();
    checkStep(doc, t.ctx, step);
    const action = addActionItem(doc, t.ctx, { title: 'Alert on drift', owner: 'Bob', due: '2024-02-01' });
    updateActionItem(doc, t.ctx, action, { priority: 'P1' });
    for (let i = 0; i < 5; i++) expect(journal.undo(t.ctx)).toMatchObject({ ok: true });
    expect(readActions(doc)).toMatchObject([{ id: action, priority: 'P2', status: 'wont_do' }]);
    expect(readRunbook(doc)).toMatchObject([{ id: step, state: 'skipped', skipReason: 'undone' }]);
    expect(readExperts(doc)).toEqual([]);
    const texts = readTimeline(doc).map((e) => e.text);
    expect(texts).toContain('Runbook: done “Fail over”');
    expect(texts).toContain('Undone by Ada: “Fail over” back to todo');
    expect(texts).toContain('Undone by Ada: Bob is no longer subject-matter expert (Kafka)');
  });

  it('never undoes a peer’s change, and refuses (changing nothing) when a peer changed the field since', () => {
    const { doc, t, journal, tick } = setup();
    const peer = new Y.Doc({ guid: doc.guid });
    syncInto(doc, peer, REMOTE_ORIGIN);
    const them = testContext(bob, T0 + 5 * MINUTE, 'dev-b');
    setSeverity(doc, t.ctx, 'SEV1');
    addEntry(peer, them.ctx, { kind: 'note', text: 'theirs' });
    syncInto(peer, doc, REMOTE_ORIGIN);
    expect(journal.undo(t.ctx)).toMatchObject({ ok: true });
    expect(readTimeline(doc).find((e) => e.text === 'theirs')!.retracted).toBeNull();
    tick();
    setSeverity(doc, t.ctx, 'SEV1');
    syncInto(doc, peer, REMOTE_ORIGIN);
    setSeverity(peer, them.ctx, 'SEV3');
    syncInto(peer, doc, REMOTE_ORIGIN);
    const before = Y.encodeStateAsUpdate(doc);
    expect(journal.undo(t.ctx)).toEqual({ ok: false, message: 'Nothing was changed: someone changed it again since (severity is now SEV3).' });
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    expect(readMeta(doc)!.severity).toBe('SEV3');
  });

  it('refuses an undo that would put the lifecycle out of order, naming the milestones in words', () => {
    const { doc, t, journal, tick } = setup();
    setLifecycleTimestamp(doc, t.ctx, 'mitigated', T0 + 5 * MINUTE);
    tick();
    setLifecycleTimestamp(doc, t.ctx, 'mitigated', T0 + 30 * MINUTE);
    const peer = new Y.Doc({ guid: doc.guid });
    syncInto(doc, peer, REMOTE_ORIGIN);
    setLifecycleTimestamp(peer, testContext(bob, T0 + 40 * MINUTE, 'dev-b').ctx, 'acknowledged', T0 + 10 * MINUTE);
    syncInto(peer, doc, REMOTE_ORIGIN);
    tick();
    const before = Y.encodeStateAsUpdate(doc);
    // Taking mitigated back to 00:05 would put it before acknowledged (00:10): refused, changing nothing.
    const r = journal.undo(t.ctx);
    expect(r && !r.ok && r.message).toMatch(/^Acknowledged \(1 Jan 2024, 00:10 UTC\) cannot be later than mitigated \(1 Jan 2024, 00:05 UTC\)/);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('marks its own writes as undo or redo, so they are saved and synced like any edit but never recorded as a new step', () => {
    const { doc, t, journal } = setup();
    addEntry(doc, t.ctx, { kind: 'note', text: 'x' });
    const origins: unknown[] = [];
    doc.on('update', (_u: Uint8Array, origin: unknown) => origins.push(origin));
    journal.undo(t.ctx);
    expect(origins).toEqual([UNDO_ORIGIN]);
    expect(journal.canUndo()).toBe(false);
    expect(journal.canRedo()).toBe(true);
    expect(readIncident(doc)!.timeline).toHaveLength(2);
  });
});

describe('the declaration', () => {
  it('cannot be undone, even by a journal that saw it', () => {
    const doc = newDoc('declared-under-watch');
    const journal = new UndoJournal(doc);
    const t = testContext(ada, T0);
    declareIncident(doc, t.ctx, { title: 'Watched', severity: 'SEV2' });
    const before = Y.encodeStateAsUpdate(doc);
    expect(journal.undo(t.ctx)).toEqual({ ok: false, message: 'Declaring the incident cannot be undone. Change its title, severity or status instead; each change is logged.' });
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    expect(readMeta(doc)!.title).toBe('Watched');
  });
});
