import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createIncidentDoc, metaOf, rolesOf, runbookOf, timelineOf } from '@shared/schema/incident-doc';
import { typeVersionStore } from './type-version';

const entry = (text: string) => {
  const m = new Y.Map<unknown>();
  m.set('text', text);
  return m;
};

describe('typeVersionStore', () => {
  it('moves only the counter of the type that changed', () => {
    const doc = createIncidentDoc('inc-1');
    const timeline = typeVersionStore(doc, 'timeline');
    const meta = typeVersionStore(doc, 'meta');
    let timelineCalls = 0;
    let metaCalls = 0;
    const offT = timeline.subscribe(() => (timelineCalls += 1));
    const offM = meta.subscribe(() => (metaCalls += 1));
    doc.transact(() => timelineOf(doc).push([entry('one')]));
    expect([timeline.get(), timelineCalls, meta.get(), metaCalls]).toEqual([1, 1, 0, 0]);
    doc.transact(() => metaOf(doc).set('title', 'DB down'));
    expect([timeline.get(), meta.get(), metaCalls]).toEqual([1, 1, 1]);
    offT();
    offM();
  });

  it('moves on changes nested inside an element, and on remote updates', () => {
    const a = createIncidentDoc('inc-1');
    const b = createIncidentDoc('inc-1');
    const store = typeVersionStore(b, 'timeline');
    const roles = typeVersionStore(b, 'roles');
    const off = store.subscribe(() => undefined);
    const offRoles = roles.subscribe(() => undefined);
    a.transact(() => timelineOf(a).push([entry('one')]));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(store.get()).toBe(1);
    const sv = Y.encodeStateVector(b);
    a.transact(() => timelineOf(a).get(0).set('text', 'edited'));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, sv));
    expect(store.get()).toBe(2);
    expect(roles.get()).toBe(0);
    a.transact(() => rolesOf(a).set('commander', { name: 'Ada' }));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    expect([store.get(), roles.get()]).toEqual([2, 1]);
    off();
    offRoles();
  });

  it('counts changes made before anyone subscribed, and returns one store per type', () => {
    const doc = createIncidentDoc('inc-1');
    const store = typeVersionStore(doc, 'runbook');
    expect(typeVersionStore(doc, 'runbook')).toBe(store);
    const seen = store.get();
    // As between React's render and its subscribe: the change must still show.
    doc.transact(() => runbookOf(doc).push([entry('step')]));
    expect(store.get()).not.toBe(seen);
    let calls = 0;
    const off = store.subscribe(() => (calls += 1));
    off();
    doc.transact(() => runbookOf(doc).push([entry('step 2')]));
    expect(calls).toBe(0);
  });
});
