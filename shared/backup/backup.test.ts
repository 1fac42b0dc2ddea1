import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { declareIncident } from '../domain/incident/incident-ops';
import { addEntry, retractEntry } from '../domain/timeline/timeline-ops';
import { readIncident } from '../schema/records';
import { T0, newDoc, testContext } from '../testing/fixtures';
import { closeAll, openTestDb, reload, type TestDb } from '../testing/storage';
import { archiveIncident, archivedIds } from '../storage/archive';
import { createShare } from '../storage/shares';
import { listTemplates, saveTemplate } from '../storage/templates';
import { loadOrCreateProfile, saveProfileName } from '../storage/profile';
import { toBase64Url } from '../sync/base64url';
import { buildBackup, checkBackup, restoreBackup } from './backup';

afterEach(closeAll);

const endpoints = { signaling: ['ws://10.0.0.5:4444'], relays: [] };
const encode = (text: string) => new TextEncoder().encode(text);

/** A device with two incidents (one shared and archived), a template and a name. */
const device = async () => {
  const t = openTestDb('backup');
  const ctx = testContext({ name: 'Ada', deviceId: 'dev-a' }).ctx;
  for (const [id, title] of [
    ['dns', 'DNS down'],
    ['disk', 'Disk full'],
  ] as const) {
    const doc = newDoc(id);
    const p = await t.persist(doc);
    declareIncident(doc, ctx, { title, severity: 'SEV2' });
    const entry = addEntry(doc, ctx, { kind: 'observation', text: `${title}: first look` });
    retractEntry(doc, ctx, entry, 'wrong host');
    addEntry(doc, ctx, { kind: 'action', text: `${title}: fixed` });
    await p.whenSaved();
  }
  await createShare(t.db, { incidentId: 'dns', title: 'DNS down', endpoints, now: T0 });
  await archiveIncident(t.db, 'disk', T0 + 5);
  await saveTemplate(t.db, { name: 'DB failover', kind: 'custom', severities: ['SEV1'], steps: [{ title: 'Fail over', risky: true, rollback: 'Fail back' }] }, T0);
  await saveProfileName(t.db, 'Ada');
  return t;
};

const openOn = (t: TestDb) => async (id: string) => {
  const doc = newDoc(id);
  return { doc, persistence: await t.persist(doc) };
};

/** Everything a device holds that a backup carries, for comparing two devices. */
const contents = async (t: TestDb) => ({
  incidents: await Promise.all((await t.db.incidents.orderBy('id').primaryKeys()).map(async (id) => readIncident(await reload(t.db, String(id))))),
  templates: await listTemplates(t.db),
  shares: await t.db.shares.toArray(),
  archived: [...(await archivedIds(t.db))],
});

describe('backup and restore', () => {
  it('carries every incident, its archive mark and share, every template and the name to a fresh device', async () => {
    const a = await device();
    const text = await buildBackup(a.db, T0 + 10, { theme: 'light' });
    const b = openTestDb('restored');
    await loadOrCreateProfile(b.db);
    const checked = checkBackup(encode(text));
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.value.file.settings).toEqual({ theme: 'light' });
    const report = await restoreBackup(b.db, checked.value, openOn(b));
    expect(report).toEqual({ created: 2, merged: 0, templates: 1, shares: 1 });
    expect(await contents(b)).toEqual(await contents(a));
    expect((await b.db.profile.get('local'))?.name).toBe('Ada');
    // The device's identity stays its own.
    expect((await b.db.profile.get('local'))?.deviceId).not.toBe((await a.db.profile.get('local'))?.deviceId);
    expect(text).not.toContain((await a.db.profile.get('local'))!.signingKey!);
  });

  it('restoring again, or onto the device it came from, merges and loses nothing', async () => {
    const a = await device();
    const text = await buildBackup(a.db, T0 + 10, {});
    const before = await contents(a);
    const checked = checkBackup(encode(text));
    if (!checked.ok) throw new Error(checked.message);
    expect(await restoreBackup(a.db, checked.value, openOn(a))).toEqual({ created: 0, merged: 2, templates: 0, shares: 0 });
    expect(await contents(a)).toEqual(before);
  });

  it('refuses a bad file with a sentence and changes nothing', async () => {
    const a = await device();
    const good = JSON.parse(await buildBackup(a.db, T0 + 10, {})) as Record<string, unknown> & { incidents: { id: string; update: string; title: string }[] };
    const b = openTestDb('untouched');
    const rows = () => b.db.docUpdates.count();
    const bad: [string, string | Uint8Array, RegExp][] = [
      ['not JSON', '{"format": "warroom.b', /not JSON text/],
      ['an incident export', JSON.stringify({ format: 'warroom.incident', schemaVersion: 2 }), /not a Warroom backup \(an exported incident is imported with "Import incident…"\)/],
      ['a newer version', JSON.stringify({ ...good, version: 9 }), /newer Warroom \(backup version 9\)/],
      ['a damaged incident', JSON.stringify({ ...good, incidents: [{ ...good.incidents[0]!, update: toBase64Url(new Uint8Array([1, 2, 3])) }] }), /incident 1 of 1 \((“DNS down”|“Disk full”)\): The file is not a Yjs update/],
      ['an incident twice', JSON.stringify({ ...good, incidents: [good.incidents[0], good.incidents[0]] }), /is in the file twice/],
      ['a mislabelled incident', JSON.stringify({ ...good, incidents: [{ ...good.incidents[0]!, id: 'other' }] }), /holds a different incident than its id says/],
      ['a bad relay address', JSON.stringify({ ...good, shares: [{ ...(good.shares as object[])[0], relays: ['http://evil'] }] }), /is not a ws:\/\/ or wss:\/\/ address \(at shares → 0 → relays → 0\)/],
      ['not UTF-8', new Uint8Array([0xff, 0xfe, 0x00]), /not JSON text/],
    ];
    for (const [what, input, message] of bad) {
      const checked = checkBackup(typeof input === 'string' ? encode(input) : input);
      expect(checked.ok, what).toBe(false);
      if (!checked.ok) {
        expect(checked.message, what).toMatch(message);
        expect(checked.message, what).toMatch(/^This backup cannot be restored: .* Nothing was changed\.$/);
      }
    }
    expect(await rows()).toBe(0);
  });

  it('refuses the whole restore, before any write, when a merge would delete what is here', async () => {
    const a = await device();
    const text = await buildBackup(a.db, T0 + 10, {});
    const b = openTestDb('diverged');
    // Here, the same incident with an entry the backup's copy has deleted (a hostile copy).
    const checked = checkBackup(encode(text));
    if (!checked.ok) throw new Error(checked.message);
    const doc = newDoc('dns');
    const p = await b.persist(doc);
    Y.applyUpdate(doc, checked.value.updates.get('dns')!);
    await p.whenSaved();
    const hostile = new Y.Doc({ guid: 'dns' });
    Y.applyUpdate(hostile, checked.value.updates.get('dns')!);
    hostile.transact(() => hostile.getArray('timeline').delete(0, 1));
    const file = { ...checked.value.file, incidents: checked.value.file.incidents.map((i) => (i.id === 'dns' ? { ...i, update: toBase64Url(Y.encodeStateAsUpdate(hostile)) } : i)) };
    const again = checkBackup(encode(JSON.stringify(file)));
    if (!again.ok) throw new Error(again.message);
    const before = await b.db.docUpdates.count();
    await expect(restoreBackup(b.db, again.value, async (id) => (id === 'dns' ? { doc, persistence: p } : openOn(b)(id)))).rejects.toThrow(/merging it into “DNS down” would .* Nothing was changed\./);
    expect(await b.db.docUpdates.count()).toBe(before);
    expect(await b.db.templates.count()).toBe(0);
  });
});
