import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { declareIncident } from '../domain/incident/incident-ops';
import { addEntry, editEntry, retractEntry } from '../domain/timeline/timeline-ops';
import { UndoJournal } from '../domain/undo/journal';
import { REMOTE_ORIGIN } from '../core/origins';
import { evidenceOf, timelineOf } from '../schema/incident-doc';
import { readIncident } from '../schema/records';
import type { EvidenceRecord } from '../schema/records/evidence';
import { buildIncidentExport } from '../export/json';
import { docFromExport } from '../export/doc-from-export';
import { T0, newDoc, testContext, type TestContext } from '../testing/fixtures';
import { newSigningKey, signerOf } from './signer';
import { verifyTimeline, type VerificationReport } from './verify';

const describeTime = (t: number) => new Date(t).toISOString().slice(11, 16);

/** A person on a device: with a signing key unless `signs` is false (a stock peer, an older app). */
const person = (name: string, deviceId: string, signs = true): TestContext => {
  const t = testContext({ name, deviceId }, T0 + 60_000);
  if (signs) t.ctx.signer = signerOf(newSigningKey())!;
  return t;
};

const verify = (doc: Y.Doc): VerificationReport => {
  const snap = readIncident(doc)!;
  return verifyTimeline(snap.timeline, snap.evidence, { describeTime });
};

const sync = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), REMOTE_ORIGIN);
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)), REMOTE_ORIGIN);
};

const entryMap = (doc: Y.Doc, id: string) => timelineOf(doc).toArray().find((m) => m.get('id') === id)!;

/** A declared incident with three signed entries by Ada, one of them edited and one retracted. */
const signedIncident = () => {
  const ada = person('Ada', 'dev-a');
  const doc = newDoc();
  declareIncident(doc, ada.ctx, { title: 'Checkout down', severity: 'SEV2' });
  ada.advance(60_000);
  const first = addEntry(doc, ada.ctx, { kind: 'observation', text: 'p99 at 4 s' });
  ada.advance(60_000);
  const second = addEntry(doc, ada.ctx, { kind: 'action', text: 'Rolled back web' });
  ada.advance(60_000);
  editEntry(doc, ada.ctx, { id: second, text: 'Rolled back web to v41' });
  ada.advance(60_000);
  const third = addEntry(doc, ada.ctx, { kind: 'observation', text: 'Wrong host' });
  retractEntry(doc, ada.ctx, third, 'typed on the wrong incident');
  return { doc, ada, first, second, third };
};

describe('the signed timeline', () => {
  it('verifies every entry, edit and retraction a signing device made, and the system entries it logged', () => {
    const { doc } = signedIncident();
    const report = verify(doc);
    expect(report.problems).toEqual([]);
    expect(report.unverified).toBe(0);
    expect(report.unsigned).toBe(0);
    expect(report.verified).toBe(readIncident(doc)!.timeline.length);
    expect(report.verified).toBeGreaterThanOrEqual(4);
  });

  it('verifies undo and redo, which retract, lift and write back as new signed changes', () => {
    const { doc, ada, second } = signedIncident();
    const journal = new UndoJournal(doc);
    ada.advance(1_000);
    editEntry(doc, ada.ctx, { id: second, text: 'Rolled back web to v40' });
    ada.advance(1_000);
    const extra = addEntry(doc, ada.ctx, { kind: 'note', text: 'undo me' });
    retractEntry(doc, ada.ctx, extra, 'wrong');
    for (let i = 0; i < 3; i++) {
      ada.advance(1_000);
      journal.undo(ada.ctx);
    }
    ada.advance(1_000);
    journal.redo(ada.ctx);
    journal.destroy();
    const report = verify(doc);
    expect(report.problems).toEqual([]);
    expect(report.unverified).toBe(0);
    // Undone: the note's retraction, the note, the edit to v40; redone: the edit, so it reads v40 again.
    expect(entryMap(doc, second).get('text')).toBe('Rolled back web to v40');
  });

  it('flags an entry whose text was changed in the document without a statement', () => {
    const { doc, first } = signedIncident();
    doc.transact(() => entryMap(doc, first).set('text', 'p99 fine'), REMOTE_ORIGIN);
    const v = verify(doc).entries.get(first)!;
    expect(v.state).toBe('unverified');
    expect(v.state === 'unverified' && v.reasons.join(' ')).toContain("differs from what Ada's device signed");
  });

  it('flags an edited entry set to a version nobody signed, and a rewritten history item', () => {
    const { doc, second } = signedIncident();
    doc.transact(() => entryMap(doc, second).set('text', 'Rolled back nothing'), REMOTE_ORIGIN);
    expect(verify(doc).entries.get(second)).toMatchObject({ state: 'unverified', reasons: ['What it says now (its text or time) is not a version anyone signed.'] });

    const again = signedIncident();
    const history = entryMap(again.doc, again.second).get('edits') as Y.Array<Record<string, unknown>>;
    again.doc.transact(() => {
      const item = history.get(0);
      history.delete(0, 1);
      history.insert(0, [{ ...item, text: 'Restarted web' }]);
    }, REMOTE_ORIGIN);
    expect(verify(again.doc).entries.get(again.second)?.state).toBe('unverified');
  });

  it('flags a retraction whose reason was rewritten, and one lifted by hand', () => {
    const { doc, third } = signedIncident();
    doc.transact(() => entryMap(doc, third).set('retracted', { at: T0, by: { name: 'Ada', deviceId: 'dev-a' }, reason: 'never happened' }), REMOTE_ORIGIN);
    expect(verify(doc).entries.get(third)?.state).toBe('unverified');

    const again = signedIncident();
    again.doc.transact(() => entryMap(again.doc, again.third).set('retracted', null), REMOTE_ORIGIN);
    // The retraction is gone, so it is not checked; the statement of it no longer matches anything, and the chain still holds.
    expect(verify(again.doc).entries.get(again.third)?.state).toBe('verified');
    expect(readIncident(again.doc)!.evidence.some((r) => r.kind === 'retract' && r.entryId === again.third)).toBe(true);
  });

  it('reports a statement removed from the record as a break in its device’s chain, and the entry it covered', () => {
    const { doc, first } = signedIncident();
    const arr = evidenceOf(doc);
    const index = arr.toArray().findIndex((r) => (r as EvidenceRecord).entryId === first);
    doc.transact(() => arr.delete(index, 1), REMOTE_ORIGIN);
    const report = verify(doc);
    expect(report.problems.join(' ')).toMatch(/statement \d+ is missing: removed from the record/);
    expect(report.entries.get(first)).toMatchObject({ state: 'unverified' });
    expect((report.entries.get(first) as { reasons: string[] }).reasons[0]).toContain("no signed statement, although Ada's device signs its changes");
  });

  it('reports a signed entry deleted from the timeline', () => {
    const { doc, first } = signedIncident();
    const index = timelineOf(doc).toArray().findIndex((m) => m.get('id') === first);
    doc.transact(() => timelineOf(doc).delete(index, 1), REMOTE_ORIGIN);
    expect(verify(doc).problems.join(' ')).toContain(`A signed entry is no longer in the timeline (${first}): removed from the record.`);
  });

  it('refuses a statement whose signed fields were altered', () => {
    const { doc, first } = signedIncident();
    const arr = evidenceOf(doc);
    const index = arr.toArray().findIndex((r) => (r as EvidenceRecord).entryId === first);
    const forged = { ...(arr.get(index) as EvidenceRecord), at: T0 + 1 };
    doc.transact(() => {
      arr.delete(index, 1);
      arr.insert(index, [forged]);
    }, REMOTE_ORIGIN);
    const report = verify(doc);
    expect(report.problems.join(' ')).toContain('has a signature that does not match it');
    expect(report.entries.get(first)?.state).toBe('unverified');
  });

  it('shows a peer that does not sign as unsigned, not as failed, and its entries edited by a signer as unsigned in part', () => {
    const { doc } = signedIncident();
    const stock = person('Stock', 'dev-s', false);
    const ada = person('Ada', 'dev-a');
    const peer = new Y.Doc({ guid: doc.guid });
    sync(doc, peer);
    stock.setNow(T0 + 3_600_000);
    const theirs = addEntry(peer, stock.ctx, { kind: 'observation', text: 'from a stock peer' });
    sync(doc, peer);
    let report = verify(doc);
    expect(report.entries.get(theirs)).toEqual({ state: 'unsigned', parts: ['Writing it (Stock, 01:00) was made on a device that does not sign.'] });
    expect(report.unverified).toBe(0);
    ada.setNow(T0 + 7_200_000);
    editEntry(doc, ada.ctx, { id: theirs, text: 'from a stock peer, confirmed' });
    report = verify(doc);
    expect(report.entries.get(theirs)?.state).toBe('unsigned');
    expect(report.problems).toEqual([]);
  });

  it('verifies concurrent edits of one entry by two signing people once they merge', () => {
    const { doc, first } = signedIncident();
    const bob = person('Bob', 'dev-b');
    const ada = person('Ada', 'dev-a');
    const peer = new Y.Doc({ guid: doc.guid });
    sync(doc, peer);
    ada.setNow(T0 + 3_600_000);
    bob.setNow(T0 + 3_600_000);
    editEntry(doc, ada.ctx, { id: first, text: 'p99 at 4.2 s' });
    editEntry(peer, bob.ctx, { id: first, occurredAt: T0 + 30_000 });
    sync(doc, peer);
    for (const d of [doc, peer]) {
      const report = verify(d);
      expect(report.problems).toEqual([]);
      expect(report.entries.get(first)?.state).toBe('verified');
    }
  });

  it('holds when one device signs from two tabs at once (the same key, a fork in its chain)', () => {
    const { doc, ada } = signedIncident();
    const tab = new Y.Doc({ guid: doc.guid });
    sync(doc, tab);
    addEntry(doc, ada.ctx, { kind: 'note', text: 'from tab one' });
    addEntry(tab, ada.ctx, { kind: 'note', text: 'from tab two' });
    sync(doc, tab);
    addEntry(doc, ada.ctx, { kind: 'note', text: 'after both' });
    const report = verify(doc);
    expect(report.problems).toEqual([]);
    expect(report.unverified).toBe(0);
  });

  it('survives export and import: the imported copy verifies the same', () => {
    const { doc } = signedIncident();
    const imported = docFromExport(JSON.parse(JSON.stringify(buildIncidentExport(doc, T0 + 1e7))));
    const before = verify(doc);
    const after = verify(imported);
    expect(after.verified).toBe(before.verified);
    expect(after.problems).toEqual([]);
  });
});

describe('npm run verify', () => {
  it('passes a signed export, and names the entry someone edited in the file', async () => {
    const { verifyExportText } = await import('./verify-export');
    const { doc } = signedIncident();
    const json = JSON.stringify(buildIncidentExport(doc, T0 + 1e7));
    const good = verifyExportText(json, 'incident.json');
    expect(good.code).toBe(0);
    expect(good.lines[1]).toMatch(/^\d+ entries signed and verified\.$/);
    const bad = verifyExportText(json.replace('p99 at 4 s', 'p99 at 1 s'), 'incident.json');
    expect(bad.code).toBe(1);
    expect(bad.lines.join('\n')).toMatch(/unverified: .* by Ada .*differs from what Ada's device signed/);
    expect(verifyExportText('{"format":', 'x.json')).toEqual({ code: 2, lines: ['x.json: The file is not valid JSON. It may be truncated or damaged.'] });
  });
});
