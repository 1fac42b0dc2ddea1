import { LIFECYCLE_MILESTONES, type Lifecycle, type LifecycleMilestone } from '../types';
import { readableUtc } from '../../time/utc-time';

/** The milestones as people name them, in the UI, in messages and in exports. */
export const MILESTONE_LABEL: Record<LifecycleMilestone, string> = {
  started: 'Started',
  detected: 'Detected',
  declared: 'Declared',
  acknowledged: 'Acknowledged',
  mitigated: 'Mitigated',
  resolved: 'Resolved',
  closed: 'Closed',
};

/** "impact started", "acknowledged": the milestone inside a sentence. */
export const milestoneWords = (m: LifecycleMilestone): string => (m === 'started' ? 'impact started' : MILESTONE_LABEL[m].toLowerCase());

export interface OrderViolation {
  earlier: LifecycleMilestone;
  later: LifecycleMilestone;
}

/**
 * The first pair of present milestones that is out of time order, or null.
 * Missing milestones are skipped: started ≤ detected ≤ … ≤ closed holds over what is there.
 */
export const findOrderViolation = (lifecycle: Lifecycle): OrderViolation | null => {
  const present = LIFECYCLE_MILESTONES.filter((m) => lifecycle[m] !== undefined);
  for (let i = 0; i < present.length; i++) {
    for (let j = i + 1; j < present.length; j++) {
      const a = present[i]!;
      const b = present[j]!;
      if (lifecycle[a]! > lifecycle[b]!) return { earlier: a, later: b };
    }
  }
  return null;
};

/**
 * The violation in a sentence for people: the milestones in words, the times as
 * people read them (the caller's zone; UTC, labelled, by default).
 */
export const describeOrderViolation = (lifecycle: Lifecycle, v: OrderViolation, describeTime: (t: number) => string = readableUtc): string => {
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  return `${cap(milestoneWords(v.earlier))} (${describeTime(lifecycle[v.earlier]!)}) cannot be later than ${milestoneWords(v.later)} (${describeTime(lifecycle[v.later]!)}): the lifecycle runs ${LIFECYCLE_MILESTONES.map(milestoneWords).join(', then ')}.`;
};
