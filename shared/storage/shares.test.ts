import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { isDomainError } from '../core/errors';
import { parseInvite } from '../sync/invite';
import { openWarroomDb, type WarroomDb } from './database';
import { createShare, deleteShare, getShare, inviteForShare, markShareWithdrawn, rotateShare, saveJoinedShare, updateShareEndpoints } from './shares';
import { closeAll, openTestDb } from '../testing/storage';

const opened: Dexie[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) db.close();
  await closeAll();
});

const endpoints = { signaling: ['ws://10.0.0.5:4444'], relays: [] };
const share = (db: WarroomDb, incidentId = 'inc-1') => createShare(db, { incidentId, title: 'DNS down', endpoints, now: 1000 });

describe('shares table', () => {
  it('upgrades a version-1 database without touching its rows, and adds an empty shares table', async () => {
    const name = `upgrade-${Math.random()}`;
    const v1 = new Dexie(name, { indexedDB, IDBKeyRange });
    v1.version(1).stores({ incidents: 'id, updatedAt', docUpdates: '++seq, [incidentId+seq]', profile: 'key' });
    await v1.table('incidents').put({ id: 'old', title: 'Old incident', updatedAt: 5 });
    await v1.table('docUpdates').add({ incidentId: 'old', update: Uint8Array.of(1, 2, 3) });
    await v1.table('profile').put({ key: 'local', name: 'Ada', deviceId: 'd', color: '#123456' });
    v1.close();

    const db = openWarroomDb({ indexedDB, IDBKeyRange }, name);
    opened.push(db);
    expect(db.verno).toBeGreaterThanOrEqual(3);
    expect(await db.incidents.get('old')).toMatchObject({ title: 'Old incident' });
    expect((await db.docUpdates.toArray()).map((r) => Array.from(r.update))).toEqual([[1, 2, 3]]);
    expect(await db.profile.get('local')).toMatchObject({ name: 'Ada' });
    expect(await db.shares.count()).toBe(0);
    await share(db, 'old');
    expect(await getShare(db, 'old')).toMatchObject({ incidentId: 'old', role: 'host' });
  });

  it('upgrades a version-2 database (templates) too, keeping its templates', async () => {
    const name = `upgrade2-${Math.random()}`;
    const v2 = new Dexie(name, { indexedDB, IDBKeyRange });
    v2.version(1).stores({ incidents: 'id, updatedAt', docUpdates: '++seq, [incidentId+seq]', profile: 'key' });
    v2.version(2).stores({ templates: 'id' });
    await v2.table('templates').put({ id: 'tpl-1', name: 'DB failover' });
    v2.close();

    const db = openWarroomDb({ indexedDB, IDBKeyRange }, name);
    opened.push(db);
    expect(await db.table('templates').get('tpl-1')).toMatchObject({ name: 'DB failover' });
    expect(await db.shares.count()).toBe(0);
  });

  it('sharing twice, even at once, keeps the first secret; the room survives a restart', async () => {
    const name = `restart-${Math.random()}`;
    const first = openWarroomDb({ indexedDB, IDBKeyRange }, name);
    const [a, b] = await Promise.all([share(first), share(first)]);
    expect(b).toEqual(a);
    expect(await share(first)).toEqual(a);
    first.close();
    const second = openWarroomDb({ indexedDB, IDBKeyRange }, name);
    opened.push(second);
    expect(await getShare(second, 'inc-1')).toEqual(a);
  });

  it('different incidents get different rooms and passwords', async () => {
    const { db } = openTestDb('shares');
    const a = await share(db, 'inc-a');
    const b = await share(db, 'inc-b');
    expect(a.room).not.toBe(b.room);
    expect(a.password).not.toBe(b.password);
  });

  it('the invite of a share carries its room, password and servers; joining stores them for the guest', async () => {
    const host = openTestDb('host').db;
    const guest = openTestDb('guest').db;
    const row = await share(host);
    const invite = parseInvite(inviteForShare(row, 'DNS down (renamed)'));
    expect(invite).toMatchObject({ incidentId: 'inc-1', room: row.room, password: row.password, signaling: endpoints.signaling, title: 'DNS down (renamed)' });
    const joined = await saveJoinedShare(guest, invite, 2000);
    expect(joined).toEqual({ ...row, title: 'DNS down (renamed)', role: 'guest', createdAt: 2000 });
    expect(await getShare(guest, 'inc-1')).toEqual(joined);
    // The host pasting its own invite stays host.
    expect((await saveJoinedShare(host, invite, 3000)).role).toBe('host');
  });

  it('servers can be changed; bad addresses and no server at all are refused and change nothing', async () => {
    const { db } = openTestDb('endpoints');
    const row = await share(db);
    const next = await updateShareEndpoints(db, 'inc-1', { signaling: [], relays: ['wss://relay-1.example.org', 'wss://relay-2.example.org'] });
    expect(next).toEqual({ ...row, signaling: [], relays: ['wss://relay-1.example.org', 'wss://relay-2.example.org'] });
    for (const bad of [
      { signaling: ['http://x'], relays: [] },
      { signaling: [], relays: [] },
      { signaling: [], relays: ['ftp://x'] },
      { signaling: [], relays: Array.from({ length: 9 }, (_, i) => `ws://relay-${i}:1234`) },
    ]) {
      const error = await updateShareEndpoints(db, 'inc-1', bad).catch((e: unknown) => e);
      expect(isDomainError(error) && error.code).toBe('invalid_input');
    }
    expect(await getShare(db, 'inc-1')).toEqual(next);
    const missing = await updateShareEndpoints(db, 'nope', endpoints).catch((e: unknown) => e);
    expect(isDomainError(missing) && missing.code).toBe('not_found');
  });

  it('a share saved with one relay (before several were allowed) reads as a list of one, and one without as none', async () => {
    const { db } = openTestDb('legacy-relay');
    const row = await share(db);
    const { relays: _relays, ...legacy } = row;
    await db.shares.put({ ...legacy, relay: 'ws://old-relay:1234' } as unknown as typeof row);
    expect(await getShare(db, 'inc-1')).toEqual({ ...row, relays: ['ws://old-relay:1234'] });
    expect(await db.shares.toArray()).toEqual([{ ...row, relays: ['ws://old-relay:1234'] }]);
    await db.shares.put({ ...legacy, relay: null } as unknown as typeof row);
    expect(await getShare(db, 'inc-1')).toEqual({ ...row, relays: [] });
    expect(parseInvite(inviteForShare((await getShare(db, 'inc-1'))!, 'DNS down')).relays).toEqual([]);
  });

  it('a new invite is a new room and password with the same servers; the old invite no longer names this room', async () => {
    const { db } = openTestDb('rotate');
    const before = await share(db);
    const oldInvite = inviteForShare(before, 'DNS down');
    const after = await rotateShare(db, 'inc-1', 5000);
    expect(after.room).not.toBe(before.room);
    expect(after.password).not.toBe(before.password);
    expect(after.room).toMatch(/^warroom-[0-9a-f]{32}$/);
    expect(after).toMatchObject({ signaling: before.signaling, relays: before.relays, role: 'host', createdAt: 5000 });
    expect(await getShare(db, 'inc-1')).toEqual(after);
    expect(parseInvite(oldInvite).room).not.toBe(after.room);
    const missing = await rotateShare(db, 'nope', 1).catch((e: unknown) => e);
    expect(isDomainError(missing) && missing.code).toBe('not_found');
  });

  it('stop sharing forgets the room', async () => {
    const { db } = openTestDb('stop');
    await share(db);
    await deleteShare(db, 'inc-1');
    expect(await getShare(db, 'inc-1')).toBeUndefined();
  });

  it('records a withdrawal only for the room this device is in, once; joining with a new invite clears it', async () => {
    const { db } = openTestDb('withdrawn');
    // A guest's share: a host never joins another room for its own incident (see below).
    const row = { ...(await share(db)), role: 'guest' as const };
    await db.shares.put(row);
    const withdrawal = { kind: 'new-invite' as const, by: 'Ada', at: 7000 };
    expect(await markShareWithdrawn(db, 'inc-1', 'warroom-00000000000000000000000000000000', withdrawal)).toBeNull();
    expect((await getShare(db, 'inc-1'))?.withdrawn).toBeUndefined();
    expect(await markShareWithdrawn(db, 'inc-1', row.room, withdrawal)).toMatchObject({ withdrawn: withdrawal });
    expect(await markShareWithdrawn(db, 'inc-1', row.room, { ...withdrawal, by: 'Bob' })).toBeNull();
    expect((await getShare(db, 'inc-1'))?.withdrawn).toEqual(withdrawal);

    const next = inviteForShare({ ...row, room: 'warroom-11111111111111111111111111111111' }, 'DNS down');
    const joined = await saveJoinedShare(db, parseInvite(next), 8000);
    expect(joined.withdrawn).toBeUndefined();
  });
});

describe('an invite for an incident this device already shares', () => {
  it('is refused, with the reason, when this device made the invite and the room differs; the share is unchanged', async () => {
    const { db } = openTestDb('host-clash');
    const mine = await share(db);
    const stranger = inviteForShare({ ...mine, room: 'warroom-22222222222222222222222222222222' }, 'Hijack');
    const error = await saveJoinedShare(db, parseInvite(stranger), 9000).catch((e: unknown) => e);
    expect(isDomainError(error) && error.message).toMatch(/already shared from this device, in another room/);
    expect(await getShare(db, 'inc-1')).toEqual(mine);
    // The same room again (the invite shared back) is fine.
    await expect(saveJoinedShare(db, parseInvite(inviteForShare(mine, 'DNS down')), 9000)).resolves.toMatchObject({ role: 'host' });
  });
});
