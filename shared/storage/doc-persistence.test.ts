import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { SaveState } from './doc-persistence';
import { declareIncident } from '../domain/incident/incident-ops';
import { addEntry } from '../domain/timeline/timeline-ops';
import { REMOTE_ORIGIN, STORAGE_ORIGIN } from '../core/origins';
import { readIncident, readTimeline } from '../schema/read-model';
import { T0, docJson, newDoc, testContext } from '../testing/fixtures';
import { closeAll, openTestDb, reload, rowsOf } from '../testing/storage';

afterEach(closeAll);

const freshDb = () => {
  const t = openTestDb('persistence');
  return { ...t, persist: (doc: Y.Doc) => t.persist(doc, { now: () => T0 }) };
};

describe('DocPersistence', () => {
  it('round trip: everything written comes back in a fresh Y.Doc after destroy', async () => {
    const { db, persist } = freshDb();
    const doc = newDoc('inc-rt');
    const p = await persist(doc);
    const t = testContext(undefined, T0);
    declareIncident(doc, t.ctx, { title: 'Checkout down', severity: 'SEV1' });
    for (let i = 0; i < 20; i++) addEntry(doc, t.ctx, { kind: 'note', text: `note ${i}` });
    // No await between the edits and destroy: destroy itself must wait for the writes.
    await p.destroy();
    const back = await reload(db, 'inc-rt');
    expect(readIncident(back)).toEqual(readIncident(doc));
    expect(docJson(back)).toEqual(docJson(doc));
    expect(Y.encodeStateVector(back)).toEqual(Y.encodeStateVector(doc));
    expect(readTimeline(back)).toHaveLength(21);
  });

  it('keeps incidents apart', async () => {
    const { db, persist } = freshDb();
    const a = newDoc('inc-a');
    const b = newDoc('inc-b');
    const [pa, pb] = [await persist(a), await persist(b)];
    declareIncident(a, testContext().ctx, { title: 'A', severity: 'SEV1' });
    declareIncident(b, testContext().ctx, { title: 'B', severity: 'SEV2' });
    await Promise.all([pa.whenSaved(), pb.whenSaved()]);
    expect(readIncident(await reload(db, 'inc-a'))!.meta.title).toBe('A');
    expect(readIncident(await reload(db, 'inc-b'))!.meta.title).toBe('B');
  });

  it('whenSaved resolves only after the write committed, with the row on disk', async () => {
    const { db, commits, persist } = freshDb();
    const doc = newDoc('inc-ws');
    const p = await persist(doc);
    const states: SaveState['kind'][] = [];
    p.onSaveState((s) => states.push(s.kind));
    await expect(p.whenSaved()).resolves.toBeUndefined();

    declareIncident(doc, testContext().ctx, { title: 'x', severity: 'SEV3' });
    expect(p.saveState.kind).toBe('saving');
    expect(p.unsavedCount).toBe(1);
    const commitsBefore = commits.length;
    let settled = false;
    const saved = p.whenSaved().then(() => {
      settled = true;
      return commits.length;
    });
    await Promise.resolve();
    expect(settled).toBe(false);
    const commitsAtResolve = await saved;
    expect(commitsAtResolve).toBeGreaterThan(commitsBefore);
    expect(commits.at(-1)).toEqual(expect.arrayContaining(['docUpdates', 'incidents']));
    expect(p.unsavedCount).toBe(0);
    expect(p.saveState).toEqual({ kind: 'saved', at: T0 });
    expect(states).toEqual(['saving', 'saved']);
    const rows = await rowsOf(db, 'inc-ws');
    const probe = newDoc('inc-ws');
    for (const r of rows) Y.applyUpdate(probe, r.update);
    expect(readIncident(probe)).toEqual(readIncident(doc));
  });

  it('batches a synchronous burst of updates into one row', async () => {
    const { db, persist } = freshDb();
    const doc = newDoc('inc-burst');
    const p = await persist(doc);
    const t = testContext();
    declareIncident(doc, t.ctx, { title: 'x', severity: 'SEV3' });
    for (let i = 0; i < 50; i++) addEntry(doc, t.ctx, { kind: 'note', text: `n${i}` });
    await p.whenSaved();
    expect(await rowsOf(db, 'inc-burst')).toHaveLength(1);
  });

  it('does not write back updates that came from storage, but does write remote ones', async () => {
    const { db, persist } = freshDb();
    const source = newDoc('inc-origin');
    declareIncident(source, testContext().ctx, { title: 'x', severity: 'SEV3' });
    const doc = newDoc('inc-origin');
    const p = await persist(doc);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(source), STORAGE_ORIGIN);
    expect(p.unsavedCount).toBe(0);
    expect(p.saveState.kind).toBe('saved');
    await p.whenSaved();
    await new Promise((r) => setTimeout(() => r(null), 20));
    expect(await rowsOf(db, 'inc-origin')).toHaveLength(0);

    addEntry(source, testContext({ name: 'B', deviceId: 'b' }).ctx, { kind: 'note', text: 'from a peer' });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(source, Y.encodeStateVector(doc)), REMOTE_ORIGIN);
    expect(p.unsavedCount).toBe(1);
    await p.whenSaved();
    expect(await rowsOf(db, 'inc-origin')).toHaveLength(1);
  });

  it('loading does not write the loaded state again', async () => {
    const { db, persist } = freshDb();
    const doc = newDoc('inc-load');
    const p = await persist(doc);
    declareIncident(doc, testContext().ctx, { title: 'x', severity: 'SEV3' });
    await p.destroy();
    const again = newDoc('inc-load');
    const p2 = await persist(again);
    expect(p2.unsavedCount).toBe(0);
    await p2.destroy();
    expect(await rowsOf(db, 'inc-load')).toHaveLength(1);
    expect(readIncident(again)!.meta.title).toBe('x');
  });

  it('persists an update made while open() is still loading', async () => {
    const { db, persist } = freshDb();
    const doc = newDoc('inc-race');
    const p = await persist(doc);
    const t = testContext();
    declareIncident(doc, t.ctx, { title: 'x', severity: 'SEV3' });
    await p.destroy();

    const doc2 = newDoc('inc-race');
    const opening = persist(doc2);
    Y.applyUpdate(doc2, Y.encodeStateAsUpdate(doc), REMOTE_ORIGIN);
    const early = addEntry(doc2, t.ctx, { kind: 'note', text: 'typed while loading' });
    const p2 = await opening;
    await p2.destroy();
    expect(readTimeline(await reload(db, 'inc-race')).map((e) => e.id)).toContain(early);
  });

  it('an update made inside someone else’s Dexie transaction is written on its own', async () => {
    const { db, persist } = freshDb();
    const doc = newDoc('inc-zone');
    const p = await persist(doc);
    const outcome = await db
      .transaction('rw', db.docUpdates, db.incidents, db.profile, async () => {
        declareIncident(doc, testContext().ctx, { title: 'inside', severity: 'SEV3' });
        await db.profile.get('local');
        throw new Error('the caller aborts its own transaction');
      })
      .then(
        () => 'committed',
        () => 'aborted',
      );
    expect(outcome).toBe('aborted');
    await p.whenSaved();
    expect(p.saveState.kind).toBe('saved');
    expect(readIncident(await reload(db, 'inc-zone'))!.meta.title).toBe('inside');
  });
});
