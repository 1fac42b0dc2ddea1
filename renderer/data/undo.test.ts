import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { declareIncident, setSeverity } from '@shared/domain/incident/incident-ops';
import { addEntry } from '@shared/domain/timeline/timeline-ops';
import { REMOTE_ORIGIN, STORAGE_ORIGIN } from '@shared/core/origins';
import { readMeta, readTimeline } from '@shared/schema/read-model';
import { testContext } from '@shared/testing/fixtures';
import { undoManagerFor } from './undo';

const texts = (doc: Y.Doc) => readTimeline(doc).map((e) => e.text);

/** Two peers of one incident, synced, each with its own clock and ids. */
const twoPeers = () => {
  const mine = new Y.Doc({ guid: 'inc-undo' });
  const theirs = new Y.Doc({ guid: 'inc-undo' });
  const me = testContext({ name: 'Ada', deviceId: 'dev-a' });
  const them = testContext({ name: 'Bob', deviceId: 'dev-b' });
  declareIncident(theirs, them.ctx, { title: 'Checkout down', severity: 'SEV2' });
  Y.applyUpdate(mine, Y.encodeStateAsUpdate(theirs), REMOTE_ORIGIN);
  const sync = () => Y.applyUpdate(mine, Y.encodeStateAsUpdate(theirs, Y.encodeStateVector(mine)), REMOTE_ORIGIN);
  return { mine, theirs, me, them, sync };
};

describe('undoManagerFor', () => {
  it('undoes and redoes my own changes one operation at a time', () => {
    const { mine, me } = twoPeers();
    const undo = undoManagerFor(mine);
    addEntry(mine, me.ctx, { kind: 'observation', text: 'first' });
    addEntry(mine, me.ctx, { kind: 'action', text: 'second' });
    setSeverity(mine, me.ctx, 'SEV1');
    undo.undo();
    expect(readMeta(mine)!.severity).toBe('SEV2');
    expect(texts(mine)).toContain('second');
    undo.undo();
    expect(texts(mine)).not.toContain('second');
    expect(texts(mine)).toContain('first');
    undo.redo();
    expect(texts(mine)).toContain('second');
  });

  it('never undoes a change that came from a peer, even one made after mine', () => {
    const { mine, theirs, me, them, sync } = twoPeers();
    const undo = undoManagerFor(mine);
    addEntry(mine, me.ctx, { kind: 'note', text: 'mine' });
    addEntry(theirs, them.ctx, { kind: 'note', text: 'theirs' });
    setSeverity(theirs, them.ctx, 'SEV1');
    sync();
    expect(texts(mine)).toEqual(expect.arrayContaining(['mine', 'theirs']));

    undo.undo();
    expect(texts(mine)).not.toContain('mine');
    expect(texts(mine)).toContain('theirs');
    expect(readMeta(mine)!.severity).toBe('SEV1');
    // Nothing of theirs is left on my stack.
    expect(undo.undoStack).toHaveLength(0);
    undo.undo();
    expect(texts(mine)).toContain('theirs');
  });

  it('has nothing to undo after only remote and storage updates', () => {
    const { mine, theirs, them, sync } = twoPeers();
    const undo = undoManagerFor(mine);
    addEntry(theirs, them.ctx, { kind: 'note', text: 'from a peer' });
    sync();
    const stored = new Y.Doc({ guid: 'inc-undo' });
    addEntry(theirs, them.ctx, { kind: 'note', text: 'from disk' });
    Y.applyUpdate(stored, Y.encodeStateAsUpdate(theirs));
    Y.applyUpdate(mine, Y.encodeStateAsUpdate(stored), STORAGE_ORIGIN);
    expect(undo.canUndo()).toBe(false);
    undo.undo();
    expect(texts(mine)).toEqual(expect.arrayContaining(['from a peer', 'from disk']));
  });

  it('is one manager per document', () => {
    const { mine, theirs } = twoPeers();
    expect(undoManagerFor(mine)).toBe(undoManagerFor(mine));
    expect(undoManagerFor(mine)).not.toBe(undoManagerFor(theirs));
  });
});
