import { describe, expect, it } from 'vitest';
import { knownPeople, nameOnlyDeviceId, resolvePerson } from './people';

const me = { name: 'Ada', deviceId: 'dev-a' };
const bob = { name: 'Bob', deviceId: 'dev-b' };
const cy = { name: 'Cy', deviceId: 'dev-c' };

describe('knownPeople', () => {
  it('is me, then authors by latest entry, then role holders, each name once', () => {
    const timeline = [
      { author: bob, recordedAt: 1 },
      { author: me, recordedAt: 2 },
      { author: cy, recordedAt: 3 },
      { author: { name: 'bob', deviceId: 'other' }, recordedAt: 4 },
    ];
    const roles = [{ holder: { name: 'Di', deviceId: 'name:di' } }, { holder: cy }];
    const experts = [{ holder: { name: 'Ed', deviceId: 'dev-e' } }];
    expect(knownPeople(me, { timeline, roles, experts }).map((a) => [a.name, a.deviceId])).toEqual([
      ['Ada', 'dev-a'],
      ['bob', 'other'],
      ['Cy', 'dev-c'],
      ['Di', 'name:di'],
      ['Ed', 'dev-e'],
    ]);
  });

  it('is just me with no sources, and skips blank names', () => {
    expect(knownPeople(me)).toEqual([me]);
    expect(knownPeople(me, { timeline: [{ author: { name: ' ', deviceId: 'x' }, recordedAt: 1 }] })).toEqual([me]);
  });
});

describe('resolvePerson', () => {
  it('matches a known name whatever the case, keeping its device', () => {
    expect(resolvePerson('  bOB ', [me, bob])).toEqual(bob);
  });

  it('makes a stable name-only actor for someone new', () => {
    const a = resolvePerson('Grace  Hopper', [me]);
    expect(a).toEqual({ name: 'Grace Hopper', deviceId: 'name:grace hopper' });
    expect(resolvePerson('grace hopper', [me])!.deviceId).toBe(a!.deviceId);
    expect(nameOnlyDeviceId(' GRACE HOPPER')).toBe(a!.deviceId);
  });

  it('is null for a blank name', () => {
    expect(resolvePerson('   ', [me])).toBeNull();
  });
});
