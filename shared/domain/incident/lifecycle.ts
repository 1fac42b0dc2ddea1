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
}

/**
 * What moving to `to` at time `at` does to the lifecycle.
 * Moving forward fills the target milestone and any missing milestone between
 * acknowledged and it (resolving implies it was acknowledged and mitigated by then).
 * Moving back clears the milestones past the new status: an incident that
 * regresses is no longer mitigated or resolved. The caller logs what was cleared.
 */
export const lifecyclePatchForStatus = (lifecycle: Lifecycle, from: Status, to: Status, at: number): LifecyclePatch => {
  const target = STATUS_MILESTONE[to];
  const targetIdx = target ? milestoneIndex(target) : milestoneIndex('declared');
  const patch: LifecyclePatch = { set: {}, clear: [] };
  if (isRegression(from, to)) {
    for (const m of LIFECYCLE_MILESTONES) {
      if (milestoneIndex(m) > targetIdx && milestoneIndex(m) > milestoneIndex('acknowledged') && lifecycle[m] !== undefined) {
        patch.clear.push(m);
      }
    }
  }
  if (target) {
    for (const m of LIFECYCLE_MILESTONES) {
      const idx = milestoneIndex(m);
      if (idx >= milestoneIndex('acknowledged') && idx <= targetIdx && lifecycle[m] === undefined) patch.set[m] = at;
    }
  }
  return patch;
};

export const applyLifecyclePatch = (lifecycle: Lifecycle, patch: LifecyclePatch): Lifecycle => {
  const next: Lifecycle = { ...lifecycle, ...patch.set };
  for (const m of patch.clear) delete next[m];
  return next;
};
