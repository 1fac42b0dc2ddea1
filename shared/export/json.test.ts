import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { postmortemOf } from '../schema/incident-doc';
import { readIncident } from '../schema/read-model';
import { fragmentToJson } from '../postmortem/fragment-json';
import { T0 } from '../testing/fixtures';
import { SAMPLE_POSTMORTEM, richIncident } from '../testing/incident-fixture';
import { docFromExport } from './doc-from-export';
import { buildIncidentExport, incidentToJson, parseIncidentExport } from './json';
import { checkImportFile } from './import-file';

const enc = (s: string) => new TextEncoder().encode(s);

describe('JSON export', () => {
  it('writes the documented snapshot with its schema version and the postmortem as ProseMirror JSON', () => {
    const doc = richIncident();
    const data = JSON.parse(incidentToJson(doc, T0));
    expect(data).toMatchObject({ format: 'warroom.incident', schemaVersion: 2, exportedAt: T0 });
    expect(Object.keys(data)).toEqual(['format', 'schemaVersion', 'exportedAt', 'incident']);
    expect(data.incident).toEqual(JSON.parse(JSON.stringify(readIncident(doc))));
    expect(data.incident.postmortem).toEqual(SAMPLE_POSTMORTEM);
  });

  it('round-trips: the rebuilt document reads the same as the original', () => {
    const doc = richIncident();
    const parsed = parseIncidentExport(incidentToJson(doc, T0));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const rebuilt = docFromExport(parsed.value);
    expect(rebuilt.guid).toBe('inc-rich');
    expect(readIncident(rebuilt)).toEqual(readIncident(doc));
    expect(fragmentToJson(postmortemOf(rebuilt))).toEqual(SAMPLE_POSTMORTEM);
  });

  it('refuses an incident that was never declared', () => {
    expect(() => buildIncidentExport(new Y.Doc(), T0)).toThrow(/nothing to export/);
  });
});

describe('JSON import validation', () => {
  const good = () => JSON.parse(incidentToJson(richIncident(), T0));
  const check = (value: unknown) => checkImportFile(enc(typeof value === 'string' ? value : JSON.stringify(value)), 'x.json');
  /** Built as text: JSON.stringify itself cannot nest this deep. */
  const deeplyNested = () => {
    const g = good();
    g.incident.postmortem = '@PM@';
    const pm = `{"type":"doc","content":[${'{"type":"blockquote","content":['.repeat(20_000)}{"type":"paragraph"}${']}'.repeat(20_000)}]}`;
    return JSON.stringify(g).replace('"@PM@"', pm);
  };

  it('accepts its own export', () => {
    const r = check(good());
    expect(r).toMatchObject({ ok: true, kind: 'json', incidentId: 'inc-rich', title: 'Checkout | EU down' });
  });

  it.each([
    ['malformed JSON', () => '{"format": "warroom.incident", ', /not valid JSON/],
    ['a truncated export', () => incidentToJson(richIncident(), T0).slice(0, 400), /not valid JSON/],
    ['an empty file', () => '', /empty/],
    ['JSON that is not ours', () => ({ hello: 'world' }), /not a Warroom incident export/],
    ['a newer schema version', () => ({ ...good(), schemaVersion: 3 }), /newer Warroom \(format version 3\)/],
    ['a missing schema version', () => ({ ...good(), schemaVersion: undefined }), /does not say which format version/],
    ['a string schema version', () => ({ ...good(), schemaVersion: '1' }), /does not say which format version/],
    ['a severity that does not exist', () => ((g) => ((g.incident.meta.severity = 'SEV0'), g))(good()), /the incident details, severity: must be SEV1 to SEV5/],
    ['a time as text', () => ((g) => ((g.incident.timeline[1].occurredAt = '14:32'), g))(good()), /the timeline, entry 2, time it happened: must be a time/],
    ['a missing timeline', () => ((g) => (delete g.incident.timeline, g))(good()), /the timeline/],
    ['pinned as a string', () => ((g) => ((g.incident.timeline[0].pinned = 'yes'), g))(good()), /pinned/],
    ['an unknown key', () => ((g) => ((g.incident.meta.owner = 'x'), g))(good()), /the incident details/],
    ['an id that cannot be an address', () => ((g) => ((g.incident.meta.id = '../etc'), g))(good()), /the incident details, id: is not a valid incident id/],
    ['a due date in another format', () => ((g) => ((g.incident.actions[0].due = '01/02/2024'), g))(good()), /the action items, item 1, due/],
    ['a postmortem node the editor does not have', () => ((g) => (g.incident.postmortem.content.push({ type: 'script' }), g))(good()), /the postmortem/],
    ['a postmortem nested absurdly deep', () => deeplyNested(), /nested too deeply/],
    [
      'a lifecycle out of time order',
      () => ((g) => ((g.incident.meta.lifecycle.acknowledged = g.incident.meta.lifecycle.declared + 3_600_000), (g.incident.meta.lifecycle.mitigated = g.incident.meta.lifecycle.declared + 60_000), g))(good()),
      /the incident details, lifecycle: Acknowledged \(.* UTC\) cannot be later than mitigated \(.* UTC\)/,
    ],
    ['a title longer than the UI allows', () => ((g) => ((g.incident.meta.title = 'x'.repeat(1_000_000)), g))(good()), /title: is longer than 200 characters/],
    ['a time far outside any incident', () => ((g) => ((g.incident.meta.lifecycle.declared = 9e15), g))(good()), /declared: is after the year 2200/],
    ['an entry at 1e20', () => ((g) => ((g.incident.timeline[0].occurredAt = 1e20), g))(good()), /the timeline, entry 1, time it happened: is after the year 2200/],
    ['a timeline entry listed twice', () => ((g) => (g.incident.timeline.push(g.incident.timeline[0]), g))(good()), /lists the timeline entry “.*” twice/],
    ['a blank entry', () => ((g) => ((g.incident.timeline[0].text = '   '), g))(good()), /the timeline, entry 1, text: is empty/],
  ])('refuses %s with a clear message', (_what, make, message) => {
    const r = check(make());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });

  it('reads a version 1 file: its postmortem and its expert move into version 2’s places', () => {
    const g = good();
    const v1 = { format: g.format, schemaVersion: 1, exportedAt: g.exportedAt, incident: { ...g.incident, roles: [...g.incident.roles, { role: 'sme', holder: { name: 'Bob', deviceId: 'dev-b' }, assignedAt: T0, assignedBy: { name: 'Ada', deviceId: 'dev-a' } }] }, postmortem: g.incident.postmortem };
    delete (v1.incident as Record<string, unknown>).postmortem;
    delete (v1.incident as Record<string, unknown>).experts;
    const r = parseIncidentExport(JSON.stringify(v1));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.incident.experts).toEqual([{ holder: { name: 'Bob', deviceId: 'dev-b' }, area: '', assignedAt: T0, assignedBy: { name: 'Ada', deviceId: 'dev-a' } }]);
    expect(r.value.incident.postmortem).toEqual(SAMPLE_POSTMORTEM);
    expect(r.value.incident.roles.map((x) => x.role)).toEqual(['commander']);
  });

  it('refuses bytes that are not UTF-8', () => {
    const r = checkImportFile(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), 'x.json');
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/not UTF-8/) });
  });
});
