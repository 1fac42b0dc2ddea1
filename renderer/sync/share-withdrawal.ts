import type { ShareWithdrawal } from '@shared/storage/shares';

/**
 * Telling the peers in a room that its invite is no longer in use ("New
 * invite" or "Stop sharing"). y-webrtc has no message of its own for that, so
 * it rides in Yjs awareness, which every provider already carries to everyone
 * in the room and never persists:
 *
 * 1. the device that withdraws the invite sets `shareWithdrawn` (with the room
 *    it is about) in its awareness state;
 * 2. each peer that sees it for the room it is in records it, answers with
 *    `withdrawalSeen`, and leaves the room once the announcer has left;
 * 3. the announcer leaves once every peer answered (or after a while: a peer
 *    may be gone without saying so), then clears the field.
 *
 * So nobody is left in the old room, and a new join with the old invite finds
 * no one to sync with. Only peers online at the time are told; one that comes
 * back later finds an empty room.
 */
export const WITHDRAWN_FIELD = 'shareWithdrawn';
export const SEEN_FIELD = 'withdrawalSeen';

/** A display name is short; anything longer is not a notice from the app. */
const MAX_NAME = 100;

export interface WithdrawalNotice extends ShareWithdrawal {
  room: string;
}

const isNotice = (v: unknown): v is WithdrawalNotice => {
  const n = v as Partial<WithdrawalNotice> | null;
  return (
    typeof n === 'object' &&
    n !== null &&
    typeof n.room === 'string' &&
    (n.kind === 'new-invite' || n.kind === 'stopped') &&
    typeof n.by === 'string' &&
    n.by.length <= MAX_NAME &&
    typeof n.at === 'number' &&
    Number.isFinite(n.at)
  );
};

/** A peer's notice about `room` among the awareness states, or null. States are untrusted input. */
export const findWithdrawal = (states: ReadonlyMap<number, Record<string, unknown>>, selfId: number, room: string): { clientId: number; notice: WithdrawalNotice } | null => {
  for (const [clientId, state] of states) {
    if (clientId === selfId) continue;
    const notice = state?.[WITHDRAWN_FIELD];
    if (isNotice(notice) && notice.room === room) return { clientId, notice };
  }
  return null;
};

/** Whether every peer in `waitingFor` has answered the notice about `room`, or left. */
export const everyoneSaw = (states: ReadonlyMap<number, Record<string, unknown>>, waitingFor: Iterable<number>, room: string): boolean => {
  for (const clientId of waitingFor) {
    const state = states.get(clientId);
    if (state && state[SEEN_FIELD] !== room) return false;
  }
  return true;
};
