import { DomainError } from '../core/errors';
import { encodeInvite, type Invite, MAX_RELAY_URLS, MAX_SIGNALING_URLS } from '../sync/invite';
import { createShareSecret, deriveShareKeys } from '../sync/share-keys';
import { isWebSocketUrl } from '../sync/ws-url';
import type { WarroomDb } from './database';

/**
 * How an incident is shared, kept on this device so a restart rejoins the same
 * room. `room` and `password` are the sharing secret (derived from 256 random
 * bits when the host first shares); they are only ever shown inside an invite.
 */
export interface ShareRow {
  incidentId: string;
  room: string;
  password: string;
  signaling: string[];
  /** Relay nodes to try in order; empty for none. */
  relays: string[];
  /** Title at the time of sharing or joining; shown until the document has synced. */
  title: string;
  /** 'host' made the secret here; 'guest' joined with an invite. */
  role: 'host' | 'guest';
  createdAt: number;
  /**
   * Set when a peer announced, in this room, that it stopped sharing the
   * incident or made a new invite: this device then leaves the room and says
   * so, until it joins with a new invite. Unindexed: no schema version.
   */
  withdrawn?: ShareWithdrawal;
}

/** What a peer announced about the invite this device holds. */
export interface ShareWithdrawal {
  kind: 'new-invite' | 'stopped';
  by: string;
  at: number;
}

export interface Endpoints {
  signaling: string[];
  relays: string[];
}

const checkEndpoints = ({ signaling, relays }: Endpoints): Endpoints => {
  const bad = [...signaling, ...relays].find((u) => !isWebSocketUrl(u));
  if (bad !== undefined) throw new DomainError('invalid_input', `"${bad}" is not a ws:// or wss:// address.`);
  if (signaling.length > MAX_SIGNALING_URLS) throw new DomainError('invalid_input', `At most ${MAX_SIGNALING_URLS} signaling servers.`);
  if (relays.length > MAX_RELAY_URLS) throw new DomainError('invalid_input', `At most ${MAX_RELAY_URLS} relays.`);
  if (signaling.length === 0 && relays.length === 0) throw new DomainError('invalid_input', 'Give at least one signaling server or a relay.');
  return { signaling: [...new Set(signaling)], relays: [...new Set(relays)] };
};

/**
 * A row as stored, from before several relays were allowed (`relay: string |
 * null`) or after (`relays`), as a ShareRow. Installed as the table's reading
 * hook (database.ts), so no reader sees the old shape; no schema version is
 * needed since the field is not indexed.
 */
export const readShareRow = (stored: ShareRow & { relay?: string | null }): ShareRow => {
  // Dexie calls the hook for a get that found nothing, too.
  if (!stored || Array.isArray(stored.relays)) return stored;
  const { relay, ...rest } = stored;
  return { ...rest, relays: typeof relay === 'string' && relay !== '' ? [relay] : [] };
};

export const getShare = (db: WarroomDb, incidentId: string): Promise<ShareRow | undefined> => db.shares.get(incidentId);

/** Share an incident: makes its secret the first time, returns the existing share after that. */
export const createShare = async (
  db: WarroomDb,
  input: { incidentId: string; title: string; endpoints: Endpoints; now: number },
): Promise<ShareRow> => {
  const endpoints = checkEndpoints(input.endpoints);
  return db.transaction('rw', db.shares, async () => {
    const existing = await db.shares.get(input.incidentId);
    if (existing) return existing;
    const row: ShareRow = {
      incidentId: input.incidentId,
      ...deriveShareKeys(createShareSecret()),
      ...endpoints,
      title: input.title,
      role: 'host',
      createdAt: input.now,
    };
    await db.shares.add(row);
    return row;
  });
};

/** Keep an invite's room on this device. Joining again with another invite replaces it. */
export const saveJoinedShare = (db: WarroomDb, invite: Invite, now: number): Promise<ShareRow> =>
  db.transaction('rw', db.shares, async () => {
    const existing = await db.shares.get(invite.incidentId);
    // This device made the invite for this incident: an invite naming another room for the same id would
    // silently replace it, cutting off everyone who joined ours (and letting a stranger's room take over).
    if (existing?.role === 'host' && existing.room !== invite.room) {
      throw new DomainError(
        'invalid_input',
        'This incident is already shared from this device, in another room: you made its invite. This invite names a different room for the same incident, so it was not joined and your share is unchanged. To move to a new room, use New invite in the share dialog.',
      );
    }
    const row: ShareRow = {
      incidentId: invite.incidentId,
      room: invite.room,
      password: invite.password,
      signaling: invite.signaling,
      relays: invite.relays,
      title: invite.title,
      role: existing?.room === invite.room ? existing.role : 'guest',
      createdAt: existing?.room === invite.room ? existing.createdAt : now,
    };
    await db.shares.put(row);
    return row;
  });

export const updateShareEndpoints = async (db: WarroomDb, incidentId: string, endpoints: Endpoints): Promise<ShareRow> => {
  const checked = checkEndpoints(endpoints);
  return db.transaction('rw', db.shares, async () => {
    const row = await db.shares.get(incidentId);
    if (!row) throw new DomainError('not_found', 'This incident is not shared.');
    const next = { ...row, ...checked };
    await db.shares.put(next);
    return next;
  });
};

/**
 * "New invite": a fresh secret (room and password) for an incident already
 * shared, keeping its servers. The old invite then leads to a room nobody
 * from this device is in.
 */
export const rotateShare = (db: WarroomDb, incidentId: string, now: number): Promise<ShareRow> =>
  db.transaction('rw', db.shares, async () => {
    const row = await db.shares.get(incidentId);
    if (!row) throw new DomainError('not_found', 'This incident is not shared.');
    const { withdrawn: _withdrawn, ...kept } = row;
    const next: ShareRow = { ...kept, ...deriveShareKeys(createShareSecret()), role: 'host', createdAt: now };
    await db.shares.put(next);
    return next;
  });

/** "Stop sharing": forget the room on this device. */
export const deleteShare = async (db: WarroomDb, incidentId: string): Promise<void> => {
  await db.shares.delete(incidentId);
};

/** Record a peer's announcement, only if it is about the room this device is in. Returns the updated row, or null. */
export const markShareWithdrawn = (db: WarroomDb, incidentId: string, room: string, withdrawal: ShareWithdrawal): Promise<ShareRow | null> =>
  db.transaction('rw', db.shares, async () => {
    const row = await db.shares.get(incidentId);
    if (!row || row.room !== room || row.withdrawn) return null;
    const next = { ...row, withdrawn: withdrawal };
    await db.shares.put(next);
    return next;
  });

export const inviteForShare = (row: ShareRow, title: string): string =>
  encodeInvite({ incidentId: row.incidentId, room: row.room, password: row.password, signaling: row.signaling, relays: row.relays, title });
