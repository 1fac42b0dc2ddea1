import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createIncidentDoc, metaOf, rolesOf, timelineOf } from '@shared/schema/incident-doc';
import { derivedStore } from './derived-store';

const entry = (author: string) => {
  const m = new Y.Map<unknown>();
  m.set('author', author);
  return m;
};
const authors = (doc: Y.Doc) => [...new Set(timelineOf(doc).toArray().map((m) => String(m.get('author'))))].sort();
const sameList = (a: string[], b: string[]) => a.join('\n') === b.join('\n');

describe('derivedStore', () => {
  it('keeps its value while equal, and changes it when the result changes', () => {
    const doc = createIncidentDoc('inc-1');
    let derived = 0;
    const store = derivedStore(doc, ['timeline'], (d) => (derived++, authors(d)), sameList);
    let notified = 0;
    const off = store.subscribe(() => (notified += 1));
    const first = store.getSnapshot();
    expect(store.getSnapshot()).toBe(first);
    expect(derived).toBe(1); // nothing changed: not derived again

    doc.transact(() => timelineOf(doc).push([entry('Ada')]));
    const withAda = store.getSnapshot();
    expect(withAda).toEqual(['Ada']);
    doc.transact(() => timelineOf(doc).push([entry('Ada')]));
    expect(store.getSnapshot()).toBe(withAda); // equal: same identity
    expect(notified).toBe(2);
    doc.transact(() => timelineOf(doc).push([entry('Bob')]));
    expect(store.getSnapshot()).toEqual(['Ada', 'Bob']);
    off();
  });

  it('ignores changes to types it does not read', () => {
    const doc = createIncidentDoc('inc-1');
    let derived = 0;
    const store = derivedStore(doc, ['timeline', 'roles'], (d) => (derived++, authors(d)), sameList);
    let notified = 0;
    const off = store.subscribe(() => (notified += 1));
    store.getSnapshot();
    doc.transact(() => metaOf(doc).set('title', 'x'));
    store.getSnapshot();
    expect([derived, notified]).toEqual([1, 0]);
    doc.transact(() => rolesOf(doc).set('commander', 'Ada'));
    store.getSnapshot();
    expect([derived, notified]).toEqual([2, 1]);
    off();
  });
});

describe('derivedStore read from a listener, as React reads it', () => {
  it('sees what other observers of the document derived in the same transaction', () => {
    const doc = createIncidentDoc('inc-1');
    // The counter's observer is registered before the projection's, as in the app
    // (the pane's hook runs before the projection is first read).
    const store = derivedStore(doc, ['timeline'], (d) => cachedAuthors(d), sameList);
    const off = store.subscribe(() => void store.getSnapshot());
    expect(store.getSnapshot()).toEqual([]);
    doc.transact(() => timelineOf(doc).push([entry('Ada')]));
    expect(store.getSnapshot()).toEqual(['Ada']);
    off();
  });
});

/** Like the timeline projection: a cache invalidated by its own observer. */
const caches = new WeakMap<Y.Doc, { value: string[] | null }>();
const cachedAuthors = (doc: Y.Doc): string[] => {
  let c = caches.get(doc);
  if (!c) {
    const cache = { value: null as string[] | null };
    timelineOf(doc).observeDeep(() => (cache.value = null));
    caches.set(doc, (c = cache));
  }
  return (c.value ??= authors(doc));
};
