import { describe, expect, it } from 'vitest';
import { ClockSkewEstimator, describeOffset, ntpSample } from './clock-skew';
import { PRESENCE_FIELD, parsePresence } from './presence-state';

const valid = { name: 'Ada', color: '#46a758', deviceId: 'dev-a', role: 'scribe', pane: 'timeline', lastActiveAt: 1, wallClock: 2 };

describe('parsePresence', () => {
  it('reads a well-formed state', () => {
    expect(parsePresence({ [PRESENCE_FIELD]: valid })).toEqual(valid);
  });
  it('drops an unknown role but keeps the peer', () => {
    expect(parsePresence({ [PRESENCE_FIELD]: { ...valid, role: 'king' } })?.role).toBeNull();
  });
  it.each([
    ['not an object', 42],
    ['no warroom field', { user: {} }],
    ['missing name', { [PRESENCE_FIELD]: { ...valid, name: undefined } }],
    ['colour that is CSS injection', { [PRESENCE_FIELD]: { ...valid, color: 'red;background:url(x)' } }],
    ['huge name', { [PRESENCE_FIELD]: { ...valid, name: 'x'.repeat(81) } }],
    ['non-finite clock', { [PRESENCE_FIELD]: { ...valid, wallClock: Infinity } }],
  ])('refuses %s', (_what, state) => {
    expect(parsePresence(state)).toBeNull();
  });
});

describe('ClockSkewEstimator', () => {
  /** A round trip with a peer whose clock is `offset` ahead, with these one-way delays and this holding time (ms). */
  const trip = (sentAt: number, offset: number, out: number, back: number, held = 5000) => {
    const t0 = sentAt;
    const t1 = t0 + out + offset;
    const t2 = t1 + held;
    const t3 = t0 + out + held + back;
    return { t0, t1, t2, t3 };
  };

  it('finds no skew between two tabs of one machine even when one of them is held back for seconds', () => {
    const est = new ClockSkewEstimator();
    // A background tab delivers late, one way or the other: one-way arrival times would say "4 s behind".
    for (const [out, back] of [[4000, 3], [2, 4500], [3000, 3000], [5, 4]]) est.addRoundTrip('tab-b', trip(10_000, 0, out!, back!));
    expect(est.offsetOf('tab-b')).toBeCloseTo(0.5, 5);
    expect(est.skewed(2000).size).toBe(0);
  });

  it('finds a real skew through delays: the sample with the shortest round trip wins', () => {
    const est = new ClockSkewEstimator();
    for (const [out, back] of [[900, 3], [3, 4], [2000, 2000], [1, 1500]]) est.addRoundTrip('b', trip(10_000, 5000, out!, back!));
    expect(est.offsetOf('b')).toBe(4999.5);
    expect([...est.skewed(2000).keys()]).toEqual(['b']);
    expect(est.skewed(2000).get('b')).toBe(4999.5);
  });

  it('does not flag an offset that the round trip cannot vouch for', () => {
    const est = new ClockSkewEstimator();
    // 2.5 s "ahead" but the best round trip took 2 s: could be 1.5 s, within the threshold.
    est.addRoundTrip('c', trip(10_000, 2500, 1000, 1000));
    expect(est.offsetOf('c')).toBe(2500);
    expect(est.skewed(2000).size).toBe(0);
    expect([...est.skewed(1000).keys()]).toEqual(['c']);
  });

  it('knows nothing about a peer before a sample, or after forgetting it', () => {
    const est = new ClockSkewEstimator();
    expect(est.offsetOf('x')).toBeNull();
    est.addRoundTrip('x', trip(0, 10_000, 1, 1));
    est.forget('x');
    expect(est.offsetOf('x')).toBeNull();
  });

  it('computes the NTP offset and round trip', () => {
    expect(ntpSample({ t0: 100, t1: 5110, t2: 5150, t3: 170 })).toEqual({ offset: 4995, rtt: 30 });
  });
  it('describes offsets for people', () => {
    expect(describeOffset(3200)).toBe('3.2 s ahead');
    expect(describeOffset(-125_000)).toBe('2 min 5 s behind');
  });
});
