import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LOCAL_ORIGIN } from '../core/origins';
import { metaOf, postmortemOf } from '../schema/incident-doc';
import { META_KEYS } from '../schema/records/meta';
import { newDoc } from '../testing/fixtures';
import { richIncident } from '../testing/incident-fixture';
import { checkImportFile } from './import-file';

const encode = (doc: Y.Doc) => Y.encodeStateAsUpdate(doc);

describe('Yjs import validation', () => {
  it('accepts a full document update and hands back the file to apply', () => {
    const bytes = encode(richIncident());
    const r = checkImportFile(bytes, 'incident.yjs');
    expect(r).toMatchObject({ ok: true, kind: 'yjs', incidentId: 'inc-rich', title: 'Checkout | EU down' });
    if (r.ok) expect(r.update).toBe(bytes);
  });

  it('tells a Yjs file from JSON by its first byte when the name does not say', () => {
    expect(checkImportFile(encode(richIncident()), 'download')).toMatchObject({ ok: true, kind: 'yjs' });
  });

  it.each([
    ['random bytes', () => new Uint8Array(64).map((_, i) => (i * 97 + 13) % 256), /not a Yjs update|damaged|holds no Warroom|incomplete/],
    ['a truncated update', () => encode(richIncident()).slice(0, 300), /damaged|incomplete/],
    ['the second half of an update', () => ((b: Uint8Array) => b.slice(b.length / 2))(encode(richIncident())), /damaged|incomplete|holds no/],
    ['an update with only later changes (missing its base)', () => {
      const doc = richIncident();
      const sv = Y.encodeStateVector(doc);
      doc.transact(() => metaOf(doc).set(META_KEYS.title, 'later'), LOCAL_ORIGIN);
      return Y.encodeStateAsUpdate(doc, sv);
    }, /incomplete/],
    ['an empty document', () => encode(new Y.Doc()), /holds no Warroom incident/],
    ['a newer schema version', () => {
      const doc = richIncident();
      doc.transact(() => metaOf(doc).set(META_KEYS.schemaVersion, 2), LOCAL_ORIGIN);
      return encode(doc);
    }, /newer Warroom \(layout version 2\)/],
    ['a document without an id', () => {
      const doc = richIncident();
      doc.transact(() => metaOf(doc).delete(META_KEYS.id), LOCAL_ORIGIN);
      return encode(doc);
    }, /without an id|unsupported/],
    ['an id that cannot be an address', () => {
      const doc = richIncident();
      doc.transact(() => metaOf(doc).set(META_KEYS.id, 'a/b'), LOCAL_ORIGIN);
      return encode(doc);
    }, /id is not valid/],
    ['a postmortem with nodes the editor does not have', () => {
      const doc = richIncident();
      doc.transact(() => postmortemOf(doc).insert(0, [new Y.XmlElement('iframe')]), LOCAL_ORIGIN);
      return encode(doc);
    }, /postmortem/],
    ['a meta map of another app', () => {
      const doc = newDoc('x');
      doc.transact(() => metaOf(doc).set('foo', 'bar'), LOCAL_ORIGIN);
      return encode(doc);
    }, /holds no Warroom incident/],
  ])('refuses %s with a clear message', (_what, make, message) => {
    const r = checkImportFile(make(), 'incident.yjs');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });
});
