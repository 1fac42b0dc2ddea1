import { afterEach, describe, expect, it } from 'vitest';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { actorOf, loadOrCreateProfile, saveProfileName } from './profile';
import { openWarroomDb, type WarroomDb } from './database';
import { closeAll, openTestDb } from '../testing/storage';

const extra: WarroomDb[] = [];
afterEach(async () => {
  for (const db of extra.splice(0)) db.close();
  await closeAll();
});

describe('local profile', () => {
  it('is created once and returned unchanged by later calls, even concurrent ones', async () => {
    const { db } = openTestDb('profile');
    const [a, b] = await Promise.all([loadOrCreateProfile(db), loadOrCreateProfile(db)]);
    const c = await loadOrCreateProfile(db);
    expect(a).toEqual(b);
    expect(c).toEqual(a);
    expect(a.key).toBe('local');
    expect(a.name).toBe('');
    expect(a.deviceId).toMatch(/^[0-9a-f]{32}$/);
    expect(a.color).toMatch(/^#[0-9a-f]{6}$/);
    expect(await db.profile.count()).toBe(1);
  });

  it('survives closing and reopening the database', async () => {
    const name = `profile-reopen-${Math.random()}`;
    const first = openWarroomDb({ indexedDB, IDBKeyRange }, name);
    const before = await loadOrCreateProfile(first);
    first.close();
    const second = openWarroomDb({ indexedDB, IDBKeyRange }, name);
    extra.push(second);
    expect(await loadOrCreateProfile(second)).toEqual(before);
  });

  it('gives different devices different ids', async () => {
    const a = await loadOrCreateProfile(openTestDb('dev-a').db);
    const b = await loadOrCreateProfile(openTestDb('dev-b').db);
    expect(a.deviceId).not.toBe(b.deviceId);
  });

  it('saveProfileName changes the name and keeps the device id and colour', async () => {
    const { db } = openTestDb('profile-name');
    const before = await loadOrCreateProfile(db);
    const after = await saveProfileName(db, 'Ada');
    expect(after).toEqual({ ...before, name: 'Ada' });
    expect(await loadOrCreateProfile(db)).toEqual(after);
  });

  it('actorOf falls back to Anonymous for an empty name', async () => {
    const { db } = openTestDb('profile-actor');
    const p = await loadOrCreateProfile(db);
    expect(actorOf(p)).toEqual({ name: 'Anonymous', deviceId: p.deviceId });
    expect(actorOf({ ...p, name: 'Ada' })).toEqual({ name: 'Ada', deviceId: p.deviceId });
  });
});
