import { describe, expect, it } from 'vitest';
import { ClockSkewEstimator, describeOffset } from './clock-skew';
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
  it('estimates the median offset and ignores one delayed message', () => {
    const est = new ClockSkewEstimator();
    for (const delay of [3, 2, 4, 900, 3]) est.addSample('b', 10_000 + 5000, 10_000 + delay);
    expect(est.offsetOf('b')).toBe(4997);
    expect([...est.skewed(2000).keys()]).toEqual(['b']);
  });
  it('does not flag a peer within the threshold, either direction', () => {
    const est = new ClockSkewEstimator();
    est.addSample('a', 1000, 2500);
    est.addSample('c', 2500, 1000);
    expect(est.skewed(2000).size).toBe(0);
    expect(est.offsetOf('a')).toBe(-1500);
    expect([...est.skewed(1000).keys()].sort()).toEqual(['a', 'c']);
  });
  it('knows nothing about a peer before a sample, or after forgetting it', () => {
    const est = new ClockSkewEstimator();
    expect(est.offsetOf('x')).toBeNull();
    est.addSample('x', 0, 10_000);
    est.forget('x');
    expect(est.offsetOf('x')).toBeNull();
  });
  it('describes offsets for people', () => {
    expect(describeOffset(3200)).toBe('3.2 s ahead');
    expect(describeOffset(-125_000)).toBe('2 min 5 s behind');
  });
});
