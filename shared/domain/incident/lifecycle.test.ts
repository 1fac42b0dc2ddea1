import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  STATUS_MILESTONE,
  applyLifecyclePatch,
  assertLifecycleOrder,
  findOrderViolation,
  isRegression,
  lifecyclePatchForStatus,
} from './lifecycle';
import { DomainError } from '../../core/errors';
import { LIFECYCLE_MILESTONES, STATUSES, type Lifecycle, type LifecycleMilestone, type Status } from '../../schema/types';
import { MINUTE, T0 } from '../../testing/fixtures';

const at = (i: number) => T0 + i * MINUTE;

describe('findOrderViolation', () => {
  it('accepts an empty, a partial and a full ordered lifecycle, and equal times', () => {
    expect(findOrderViolation({})).toBeNull();
    expect(findOrderViolation({ started: at(0), resolved: at(9) })).toBeNull();
    expect(findOrderViolation(Object.fromEntries(LIFECYCLE_MILESTONES.map((m, i) => [m, at(i)])))).toBeNull();
    expect(findOrderViolation({ detected: at(1), declared: at(1), acknowledged: at(1) })).toBeNull();
  });

  it('names the first out-of-order pair, skipping missing milestones', () => {
    expect(findOrderViolation({ started: at(5), detected: at(4) })).toEqual({ earlier: 'started', later: 'detected' });
    expect(findOrderViolation({ declared: at(0), mitigated: at(3), closed: at(2) })).toEqual({ earlier: 'mitigated', later: 'closed' });
    expect(findOrderViolation({ started: at(9), closed: at(1) })).toEqual({ earlier: 'started', later: 'closed' });
  });

  it('finds a violation exactly when the present times are not sorted in milestone order', () => {
    const lifecycleArb = fc.record(
      Object.fromEntries(LIFECYCLE_MILESTONES.map((m) => [m, fc.integer({ min: 0, max: 5 })])) as Record<
        LifecycleMilestone,
        fc.Arbitrary<number>
      >,
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(lifecycleArb, (lc: Lifecycle) => {
        const times = LIFECYCLE_MILESTONES.flatMap((m) => (lc[m] === undefined ? [] : [lc[m]]));
        const sorted = times.every((v, i) => i === 0 || times[i - 1]! <= v);
        const v = findOrderViolation(lc);
        expect(v === null).toBe(sorted);
        if (v) expect(lc[v.earlier]!).toBeGreaterThan(lc[v.later]!);
      }),
    );
  });

  it('assertLifecycleOrder throws lifecycle_order naming both milestones', () => {
    expect(() => assertLifecycleOrder({ started: at(1) })).not.toThrow();
    try {
      assertLifecycleOrder({ detected: at(2), declared: at(1) });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe('lifecycle_order');
      expect((e as DomainError).message).toBe(
        'Detected (1 Jan 2024, 00:02 UTC) cannot be later than declared (1 Jan 2024, 00:01 UTC): the lifecycle runs impact started, then detected, then declared, then acknowledged, then mitigated, then resolved, then closed.',
      );
    }
  });
});

describe('lifecyclePatchForStatus', () => {
  it('never lets an automatic stamp break the order: after back-dating, it takes the latest earlier milestone', () => {
    // The Shakespeare incident, entered afterwards: mitigated 15:36 in 2015, and "now" is years later.
    const t = (hh: number, mm: number) => Date.UTC(2015, 9, 21, hh, mm);
    const past: Lifecycle = { started: t(14, 54), detected: t(14, 55), declared: t(15, 1), mitigated: t(15, 36), resolved: t(16, 0) };
    const now = Date.UTC(2026, 11, 1);
    const p = lifecyclePatchForStatus(past, 'resolved', 'closed', now);
    // Closed is after everything: now is fine. Acknowledged was missing: it takes declared's time, not now.
    expect(p.set).toEqual({ acknowledged: t(15, 1), closed: now });
    expect(p.fellBack).toEqual([{ milestone: 'acknowledged', from: 'declared' }]);
    expect(findOrderViolation(applyLifecyclePatch(past, p))).toBeNull();
    // A time a person typed is used as typed, for the caller to refuse if it breaks the order.
    expect(lifecyclePatchForStatus(past, 'resolved', 'closed', now, true).set.acknowledged).toBe(now);
  });

  const declaredOnly: Lifecycle = { started: at(0), detected: at(1), declared: at(2) };

  it('maps each status to the milestone it reaches', () => {
    expect(STATUS_MILESTONE).toEqual({
      investigating: null,
      identified: 'acknowledged',
      monitoring: 'mitigated',
      resolved: 'resolved',
      closed: 'closed',
    });
  });

  it('moving forward sets the target and fills every missing milestone from acknowledged up to it', () => {
    expect(lifecyclePatchForStatus(declaredOnly, 'investigating', 'identified', at(3))).toEqual({ set: { acknowledged: at(3) }, clear: [], fellBack: [] });
    expect(lifecyclePatchForStatus(declaredOnly, 'investigating', 'closed', at(5))).toEqual({
      set: { acknowledged: at(5), mitigated: at(5), resolved: at(5), closed: at(5) },
      fellBack: [],
      clear: [],
    });
  });

  it('moving forward keeps milestones already set', () => {
    const lc = { ...declaredOnly, acknowledged: at(3) };
    expect(lifecyclePatchForStatus(lc, 'identified', 'monitoring', at(6))).toEqual({ set: { mitigated: at(6) }, clear: [], fellBack: [] });
  });

  it('moving back clears milestones past the new status but keeps acknowledged and earlier', () => {
    const full: Lifecycle = { ...declaredOnly, acknowledged: at(3), mitigated: at(4), resolved: at(5), closed: at(6) };
    expect(lifecyclePatchForStatus(full, 'closed', 'investigating', at(7))).toEqual({
      set: {},
      fellBack: [],
      clear: ['mitigated', 'resolved', 'closed'],
    });
    expect(lifecyclePatchForStatus(full, 'closed', 'monitoring', at(7))).toEqual({ set: {}, clear: ['resolved', 'closed'], fellBack: [] });
    expect(lifecyclePatchForStatus(full, 'resolved', 'identified', at(7))).toEqual({ set: {}, clear: ['mitigated', 'resolved', 'closed'], fellBack: [] });
  });

  it('moving back only clears what is present, and fills a missing target', () => {
    const lc: Lifecycle = { ...declaredOnly, resolved: at(5) };
    expect(lifecyclePatchForStatus(lc, 'resolved', 'monitoring', at(7))).toEqual({
      set: { acknowledged: at(7), mitigated: at(7) },
      fellBack: [],
      clear: ['resolved'],
    });
  });

  it('after applying a forward patch the status milestone is present and nothing past it is cleared', () => {
    fc.assert(
      fc.property(fc.constantFrom(...STATUSES), fc.constantFrom(...STATUSES), (from: Status, to: Status) => {
        const lc: Lifecycle = { ...declaredOnly };
        const next = applyLifecyclePatch(lc, lifecyclePatchForStatus(lc, from, to, at(9)));
        const target = STATUS_MILESTONE[to];
        if (target) expect(next[target]).toBeDefined();
        const idx = LIFECYCLE_MILESTONES.indexOf(target ?? 'declared');
        for (const m of LIFECYCLE_MILESTONES.slice(Math.max(idx, 3) + 1)) expect(next[m]).toBeUndefined();
        expect(findOrderViolation(next)).toBeNull();
      }),
    );
  });
});

describe('isRegression / applyLifecyclePatch', () => {
  it('isRegression follows the status order', () => {
    expect(isRegression('monitoring', 'identified')).toBe(true);
    expect(isRegression('identified', 'monitoring')).toBe(false);
    expect(isRegression('closed', 'investigating')).toBe(true);
    expect(isRegression('resolved', 'resolved')).toBe(false);
  });

  it('applyLifecyclePatch sets then clears, without mutating its input', () => {
    const lc: Lifecycle = { declared: at(0), mitigated: at(2) };
    const next = applyLifecyclePatch(lc, { set: { acknowledged: at(1) }, clear: ['mitigated'] });
    expect(next).toEqual({ declared: at(0), acknowledged: at(1) });
    expect(lc).toEqual({ declared: at(0), mitigated: at(2) });
  });
});
