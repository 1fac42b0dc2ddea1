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

  it('on a tie in time, keeps the earlier entry of a name and order', () => {
    const timeline = [
      { author: cy, recordedAt: 5 },
      { author: { name: 'CY', deviceId: 'dev-c2' }, recordedAt: 5 },
      { author: bob, recordedAt: 5 },
    ];
    expect(knownPeople(me, { timeline }).map((a) => a.deviceId)).toEqual(['dev-a', 'dev-c', 'dev-b']);
  });

  it('orders authors as sorting every entry by time would', () => {
    // A seeded walk over many entries, names and tied times, against the obvious definition.
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 48271) % 2147483647), seed % n);
    const names = ['Ann', 'ann', 'Ben', 'Cal', 'Dee', 'Eve', ' Eve ', 'Fox', 'Gus'];
    const timeline = Array.from({ length: 2000 }, (_, i) => ({ author: { name: names[rand(names.length)]!, deviceId: `d${i}` }, recordedAt: rand(300) }));
    const obvious = [...timeline].sort((a, b) => b.recordedAt - a.recordedAt).map((e) => e.author);
    const seen = new Set<string>(['ada']);
    const expected = [me, ...obvious.filter((a) => !seen.has(a.name.trim().toLowerCase()) && !!seen.add(a.name.trim().toLowerCase()))];
    expect(knownPeople(me, { timeline })).toEqual(expected);
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
