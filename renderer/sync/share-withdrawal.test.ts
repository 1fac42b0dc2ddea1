import { describe, expect, it } from 'vitest';
import { everyoneSaw, findWithdrawal, SEEN_FIELD, WITHDRAWN_FIELD } from './share-withdrawal';

const ROOM = 'warroom-0123456789abcdef0123456789abcdef';
const notice = { room: ROOM, kind: 'new-invite', by: 'Ada', at: 1000 };

describe('share withdrawal over awareness', () => {
  it("finds a peer's notice about this room, never my own or another room's", () => {
    const states = new Map<number, Record<string, unknown>>([
      [1, { [WITHDRAWN_FIELD]: notice }],
      [2, { user: { name: 'Bob' } }],
    ]);
    expect(findWithdrawal(states, 2, ROOM)).toEqual({ clientId: 1, notice });
    expect(findWithdrawal(states, 1, ROOM)).toBeNull();
    expect(findWithdrawal(states, 2, 'warroom-ffffffffffffffffffffffffffffffff')).toBeNull();
  });

  it('ignores malformed notices', () => {
    for (const bad of [null, 'x', { ...notice, kind: 'delete-everything' }, { ...notice, at: 'soon' }, { ...notice, by: 7 }, { ...notice, by: 'x'.repeat(101) }, { ...notice, at: Number.NaN }]) {
      expect(findWithdrawal(new Map([[1, { [WITHDRAWN_FIELD]: bad }]]), 2, ROOM)).toBeNull();
    }
  });

  it('waits for each peer to answer, or to leave', () => {
    const states = new Map<number, Record<string, unknown>>([
      [2, { [SEEN_FIELD]: ROOM }],
      [3, {}],
    ]);
    expect(everyoneSaw(states, [2, 3], ROOM)).toBe(false);
    states.set(3, { [SEEN_FIELD]: 'warroom-other' });
    expect(everyoneSaw(states, [2, 3], ROOM)).toBe(false);
    states.delete(3);
    expect(everyoneSaw(states, [2, 3], ROOM)).toBe(true);
  });
});
