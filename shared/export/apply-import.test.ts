import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { IMPORT_ORIGIN } from '../core/origins';
import { addEntry } from '../domain/timeline/timeline-ops';
import { readIncident, readMeta, readTimeline } from '../schema/read-model';
import { declareIncident, setTitle } from '../domain/incident/incident-ops';
import { MINUTE, T0, newDoc, recordOrigins, testContext } from '../testing/fixtures';
import { richIncident } from '../testing/incident-fixture';
import { closeAll, openTestDb, reload, rowsOf } from '../testing/storage';
import { createIncidentDoc, metaOf, timelineOf } from '../schema/incident-doc';
import { META_KEYS } from '../schema/records/meta';
import { LOCAL_ORIGIN } from '../core/origins';
import { captureState } from '../testing/fixtures';
import { applyImport, importIncident } from './apply-import';
import { checkImportFile, type ValidImport } from './import-file';
import { incidentToJson } from './json';

afterEach(closeAll);

const opener = (t: ReturnType<typeof openTestDb>, opened: string[], docs = new Map<string, Y.Doc>()) => async (id: string) => {
  opened.push(id);
  let doc = docs.get(id);
  if (!doc) {
    doc = createIncidentDoc(id);
    docs.set(id, doc);
  }
  return { doc, persistence: await t.persist(doc) };
};

const valid = (bytes: Uint8Array, name: string): ValidImport => {
  const r = checkImportFile(bytes, name);
  if (!r.ok) throw new Error(r.message);
  return r;
};

describe('applyImport', () => {
  it.each([
    ['JSON', (d: Y.Doc) => new TextEncoder().encode(incidentToJson(d, T0)), 'i.json'],
    ['Yjs', (d: Y.Doc) => Y.encodeStateAsUpdate(d), 'i.yjs'],
  ] as const)('creates a new incident from %s and has it on disk before resolving', async (_k, encode, name) => {
    const original = richIncident();
    const t = openTestDb();
    const opened: string[] = [];
    const docs = new Map<string, Y.Doc>();
    let origins: ReturnType<typeof recordOrigins> | null = null;
    const open = opener(t, opened, docs);
    const result = await applyImport(valid(encode(original), name), async (id) => {
      const target = await open(id);
      origins = recordOrigins(target.doc);
      return target;
    });
    expect(result).toEqual({ incidentId: 'inc-rich', title: 'Checkout | EU down', outcome: 'created' });
    expect(new Set(origins!.updates)).toEqual(new Set([IMPORT_ORIGIN]));
    expect(readIncident(await reload(t.db, 'inc-rich'))).toEqual(readIncident(original));
    expect(await t.db.incidents.get('inc-rich')).toMatchObject({ title: 'Checkout | EU down', severity: 'SEV1' });
  });

  it('merges a Yjs export into the same incident as a CRDT: both sides keep their entries', async () => {
    const original = richIncident();
    const t = openTestDb();
    const docs = new Map<string, Y.Doc>();
    const open = opener(t, [], docs);
    const local = (await open('inc-rich')).doc;
    Y.applyUpdate(local, Y.encodeStateAsUpdate(original));
    const ctx = testContext({ name: 'Grace', deviceId: 'dev-g' }, T0 + 10 * MINUTE).ctx;
    addEntry(local, ctx, { kind: 'note', text: 'only here' });
    addEntry(original, testContext({ name: 'Ada', deviceId: 'dev-a' }, T0 + 11 * MINUTE, 'late').ctx, { kind: 'note', text: 'only in the file' });
    const result = await applyImport(valid(Y.encodeStateAsUpdate(original), 'i.yjs'), open);
    expect(result.outcome).toBe('merged');
    const texts = readIncident(await reload(t.db, 'inc-rich'))!.timeline.map((e) => e.text);
    expect(texts).toEqual(expect.arrayContaining(['only here', 'only in the file']));
  });

  it('merges a JSON export by id without changing what is already here', async () => {
    const original = richIncident();
    const json = incidentToJson(original, T0);
    const t = openTestDb();
    const docs = new Map<string, Y.Doc>();
    const open = opener(t, [], docs);
    const local = (await open('inc-rich')).doc;
    Y.applyUpdate(local, Y.encodeStateAsUpdate(original));
    const before = readIncident(local)!;
    const result = await applyImport(valid(new TextEncoder().encode(json), 'i.json'), open);
    expect(result.outcome).toBe('merged');
    expect(readIncident(local)).toEqual(before); // every id was already here: nothing duplicated
  });

  it.each([
    ['a truncated Yjs file', (d: Y.Doc) => Y.encodeStateAsUpdate(d).slice(0, 200), 'i.yjs'],
    ['a truncated JSON file', (d: Y.Doc) => new TextEncoder().encode(incidentToJson(d, T0).slice(0, 500)), 'i.json'],
    ['JSON with a wrong type', (d: Y.Doc) => new TextEncoder().encode(incidentToJson(d, T0).replace('"severity": "SEV1"', '"severity": 1')), 'i.json'],
    ['a Yjs file of a newer version', (d: Y.Doc) => {
      const copy = new Y.Doc();
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(d));
      copy.transact(() => metaOf(copy).set(META_KEYS.schemaVersion, 2), LOCAL_ORIGIN);
      return Y.encodeStateAsUpdate(copy);
    }, 'i.yjs'],
  ] as const)('refuses %s without opening, creating or changing anything', async (_what, make, name) => {
    const t = openTestDb();
    const opened: string[] = [];
    const docs = new Map<string, Y.Doc>();
    const open = opener(t, opened, docs);
    // The same incident is already here; a bad file for it must leave it as it was.
    const existing = richIncident();
    const target = await open('inc-rich');
    const here = target.doc;
    Y.applyUpdate(here, Y.encodeStateAsUpdate(existing));
    await target.persistence.whenSaved();
    const before = captureState(here);
    const rowsBefore = (await rowsOf(t.db, 'inc-rich')).length;
    opened.length = 0;

    const result = await importIncident(make(existing), name, open);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message.length).toBeGreaterThan(10);
    expect(opened).toEqual([]);
    expect(Array.from(captureState(here).update)).toEqual(Array.from(before.update));
    expect((await rowsOf(t.db, 'inc-rich')).length).toBe(rowsBefore);
    expect(await t.db.incidents.count()).toBe(1);
  });

  it('refuses a bad file on an empty device and leaves the database empty', async () => {
    const t = openTestDb();
    const opened: string[] = [];
    const result = await importIncident(new TextEncoder().encode('{"format":"warroom.incident","schemaVersion":1}'), 'x.json', opener(t, opened));
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/not a valid incident export/) });
    expect(opened).toEqual([]);
    expect(await t.db.incidents.count()).toBe(0);
    expect(await t.db.docUpdates.count()).toBe(0);
  });
});

describe('merging a Yjs file into the incident already here', () => {
  it('refuses a fork that deletes entries, and asks before one that changes the title', async () => {
    const here = newDoc('forked');
    const t = testContext();
    declareIncident(here, t.ctx, { title: 'Original', severity: 'SEV2' });
    addEntry(here, t.ctx, { kind: 'note', text: 'keep me' });
    const copy = new Y.Doc({ guid: 'forked' });
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(here));
    copy.transact(() => timelineOf(copy).delete(1, 1));
    const open = async () => ({ doc: here, persistence: { whenSaved: async () => undefined } });
    const refused = await importIncident(Y.encodeStateAsUpdate(copy), 'f.yjs', open);
    expect(refused).toMatchObject({ ok: false, message: expect.stringMatching(/it deletes the timeline entry “keep me”.*Nothing was changed/) });
    expect(readTimeline(here).map((e) => e.text)).toContain('keep me');

    const renamed = new Y.Doc({ guid: 'forked' });
    Y.applyUpdate(renamed, Y.encodeStateAsUpdate(here));
    setTitle(renamed, t.ctx, 'Renamed elsewhere');
    const asked = await importIncident(Y.encodeStateAsUpdate(renamed), 'f.yjs', open);
    expect(asked).toMatchObject({ ok: false, confirm: [expect.stringMatching(/the title changes from “Original” to “Renamed elsewhere”/)] });
    expect(readMeta(here)!.title).toBe('Original');
    const merged = await importIncident(Y.encodeStateAsUpdate(renamed), 'f.yjs', open, { confirmed: true });
    expect(merged).toMatchObject({ ok: true, outcome: 'merged' });
    expect(readMeta(here)!.title).toBe('Renamed elsewhere');
  });
});
