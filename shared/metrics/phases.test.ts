import { describe, expect, it } from 'vitest';
import { phaseSegments } from './phases';

const MIN = 60_000;
const T = Date.UTC(2024, 0, 1, 12);

const byId = (segments: ReturnType<typeof phaseSegments>) => Object.fromEntries(segments.map((s) => [s.id, s]));

describe('phaseSegments', () => {
  it('lays detect, declare, acknowledge, mitigate and resolve end to end from impact start to resolution', () => {
    const s = byId(
      phaseSegments({
        started: T,
        detected: T + 5 * MIN,
        declared: T + 7 * MIN,
        acknowledged: T + 9 * MIN,
        mitigated: T + 30 * MIN,
        resolved: T + 90 * MIN,
      }),
    );
    expect(s.detect).toMatchObject({ from: 'started', to: 'detected', ms: 5 * MIN, ongoing: false });
    expect(s.declare).toMatchObject({ from: 'detected', to: 'declared', ms: 2 * MIN });
    expect(s.acknowledge).toMatchObject({ from: 'declared', to: 'acknowledged', ms: 2 * MIN });
    expect(s.mitigate).toMatchObject({ from: 'acknowledged', ms: 21 * MIN });
    expect(s.resolve).toMatchObject({ from: 'mitigated', ms: 60 * MIN });
    // End to end: the segments add up to the time to resolve.
    expect(Object.values(s).reduce((n, x) => n + (x.ms ?? 0), 0)).toBe(90 * MIN);
  });

  it('starts a phase at the nearest known milestone when the previous one is missing, and says which', () => {
    const s = byId(phaseSegments({ declared: T, acknowledged: T + 2 * MIN, resolved: T + 10 * MIN }));
    expect(s.detect!.ms).toBeNull();
    expect(s.acknowledge).toMatchObject({ from: 'declared', ms: 2 * MIN });
    expect(s.mitigate).toMatchObject({ ms: null, ongoing: false });
    expect(s.resolve).toMatchObject({ from: 'acknowledged', ms: 8 * MIN });
  });

  it('measures the phase in progress up to now, and only that one', () => {
    const segments = phaseSegments({ declared: T, acknowledged: T + 2 * MIN }, T + 12 * MIN);
    const s = byId(segments);
    expect(s.mitigate).toMatchObject({ from: 'acknowledged', ms: 10 * MIN, ongoing: true });
    expect(s.resolve).toMatchObject({ ms: null, ongoing: false });
    expect(segments.filter((x) => x.ongoing)).toHaveLength(1);
  });

  it('does not call detection ongoing once the incident was declared', () => {
    const s = byId(phaseSegments({ started: T, declared: T + MIN }, T + 5 * MIN));
    expect(s.detect).toMatchObject({ ms: null, ongoing: false });
    expect(s.acknowledge).toMatchObject({ from: 'declared', ms: 4 * MIN, ongoing: true });
  });

  it('refuses a negative span from out-of-order data sent by a peer', () => {
    const s = byId(phaseSegments({ started: T + 10 * MIN, detected: T }));
    expect(s.detect!.ms).toBeNull();
  });
});
