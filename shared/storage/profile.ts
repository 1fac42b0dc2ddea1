import { randomId, type Signer } from '../core/context';
import { newSigningKey, signerOf } from '../evidence/signer';
import type { Actor } from '../schema/types';
import type { ProfileRow, WarroomDb } from './database';
import { toStorageError } from './storage-error';

const PALETTE = ['#e5484d', '#f76b15', '#ffc53d', '#46a758', '#12a594', '#0090ff', '#6e56cf', '#d6409f'];

/** The local profile, created on first start with a random device id. */
export const loadOrCreateProfile = async (db: WarroomDb): Promise<ProfileRow> => {
  try {
    return await db.transaction('rw', db.profile, async () => {
      const existing = await db.profile.get('local');
      if (existing && existing.signingKey && signerOf(existing.signingKey)) return existing;
      if (existing) {
        const keyed = { ...existing, signingKey: newSigningKey() };
        await db.profile.put(keyed);
        return keyed;
      }
      const deviceId = randomId();
      const row: ProfileRow = {
        key: 'local',
        name: '',
        deviceId,
        color: PALETTE[parseInt(deviceId.slice(0, 2), 16) % PALETTE.length]!,
        signingKey: newSigningKey(),
      };
      await db.profile.put(row);
      return row;
    });
  } catch (e) {
    throw toStorageError(e);
  }
};

export const saveProfileName = async (db: WarroomDb, name: string): Promise<ProfileRow> => {
  try {
    return await db.transaction('rw', db.profile, async () => {
      const row = await loadOrCreateProfile(db);
      const next = { ...row, name };
      await db.profile.put(next);
      return next;
    });
  } catch (e) {
    throw toStorageError(e);
  }
};

export const actorOf = (p: ProfileRow): Actor => ({ name: p.name || 'Anonymous', deviceId: p.deviceId });

/** The profile's signer, for OpContext.signer; null for a profile without a usable key. */
export const signerOfProfile = (p: ProfileRow): Signer | null => (p.signingKey ? signerOf(p.signingKey) : null);
