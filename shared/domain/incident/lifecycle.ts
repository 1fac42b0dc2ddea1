import { DomainError } from '../../core/errors';
import { describeOrderViolation, findOrderViolation } from '../../schema/records/lifecycle-order';
import { LIFECYCLE_MILESTONES, STATUSES, type Lifecycle, type LifecycleMilestone, type Status } from '../../schema/types';

export { findOrderViolation, type OrderViolation } from '../../schema/records/lifecycle-order';

export const assertLifecycleOrder = (lifecycle: Lifecycle, describeTime?: (t: number) => string): void => {
  const v = findOrderViolation(lifecycle);
  if (v) throw new DomainError('lifecycle_order', describeOrderViolation(lifecycle, v, describeTime));
};

/** The milestone that a status reaches; investigating reaches none beyond declared. */
export const STATUS_MILESTONE: Record<Status, LifecycleMilestone | null> = {
  investigating: null,
  identified: 'acknowledged',
  monitoring: 'mitigated',
  resolved: 'resolved',
  closed: 'closed',
};

const milestoneIndex = (m: LifecycleMilestone): number => LIFECYCLE_MILESTONES.indexOf(m);
const statusIndex = (s: Status): number => STATUSES.indexOf(s);

export const isRegression = (from: Status, to: Status): boolean => statusIndex(to) < statusIndex(from);

export interface LifecyclePatch {
  /** Milestones to set. */
  set: Partial<Record<LifecycleMilestone, number>>;
  /** Milestones to clear because the incident moved back. */
  clear: LifecycleMilestone[];
  /**
   * Milestones stamped with an earlier milestone's time instead of `at`,
   * because `at` would have come after a later milestone already recorded (a
   * back-dated incident): each with the milestone whose time it took.
   */
  fellBack: { milestone: LifecycleMilestone; from: LifecycleMilestone }[];
}

/**
 * What moving to `to` at time `at` does to the lifecycle.
 * Moving forward fills the target milestone and any missing milestone between
 * acknowledged and it (resolving implies it was acknowledged and mitigated by then).
 * Moving back clears the milestones past the new status: an incident that
 * regresses is no longer mitigated or resolved. The caller logs what was cleared.
 *
 * An automatic stamp never breaks the time order: when `at` is after a later
 * milestone already recorded (the lifecycle was set to past times), a milestone
 * takes the time of the latest earlier one instead, which keeps the order, and
 * `fellBack` says so. With `exact`, `at` is what the person typed: it is used
 * as it is, and an order it breaks is refused by the caller.
 */
export const lifecyclePatchForStatus = (lifecycle: Lifecycle, from: Status, to: Status, at: number, exact = false): LifecyclePatch => {
  const target = STATUS_MILESTONE[to];
  const targetIdx = target ? milestoneIndex(target) : milestoneIndex('declared');
  const patch: LifecyclePatch = { set: {}, clear: [], fellBack: [] };
  if (isRegression(from, to)) {
    for (const m of LIFECYCLE_MILESTONES) {
      if (milestoneIndex(m) > targetIdx && milestoneIndex(m) > milestoneIndex('acknowledged') && lifecycle[m] !== undefined) {
        patch.clear.push(m);
      }
    }
  }
  if (target) {
    const next = applyLifecyclePatch(lifecycle, { set: {}, clear: patch.clear });
    for (const m of LIFECYCLE_MILESTONES) {
      const idx = milestoneIndex(m);
      if (idx < milestoneIndex('acknowledged') || idx > targetIdx || next[m] !== undefined) continue;
      const laterTimes = LIFECYCLE_MILESTONES.slice(idx + 1)
        .map((x) => next[x])
        .filter((t): t is number => t !== undefined);
      let stamp = at;
      if (!exact && laterTimes.some((t) => t < at)) {
        const earlier = [...LIFECYCLE_MILESTONES.slice(0, idx)].reverse().find((x) => next[x] !== undefined);
        if (earlier) {
          stamp = next[earlier]!;
          patch.fellBack.push({ milestone: m, from: earlier });
        }
      }
      patch.set[m] = stamp;
      next[m] = stamp;
    }
  }
  return patch;
};

export const applyLifecyclePatch = (lifecycle: Lifecycle, patch: Pick<LifecyclePatch, 'set' | 'clear'>): Lifecycle => {
  const next: Lifecycle = { ...lifecycle, ...patch.set };
  for (const m of patch.clear) delete next[m];
  return next;
};
