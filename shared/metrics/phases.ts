import { LIFECYCLE_MILESTONES, type Lifecycle, type LifecycleMilestone } from '../schema/types';

/**
 * The phases of a response, laid end to end from impact start to resolution:
 * each ends at a milestone and starts where the previous present milestone is,
 * so the measured segments add up to the time to resolve.
 */
export const PHASES = [
  { id: 'detect', label: 'Detect', to: 'detected' },
  { id: 'declare', label: 'Declare', to: 'declared' },
  { id: 'acknowledge', label: 'Acknowledge', to: 'acknowledged' },
  { id: 'mitigate', label: 'Mitigate', to: 'mitigated' },
  { id: 'resolve', label: 'Resolve', to: 'resolved' },
] as const satisfies readonly { id: string; label: string; to: LifecycleMilestone }[];

export type PhaseId = (typeof PHASES)[number]['id'];

export interface PhaseSegment {
  id: PhaseId;
  label: string;
  /** Where the segment starts: the nearest present milestone before `to`; null when none is. */
  from: LifecycleMilestone | null;
  to: LifecycleMilestone;
  /** Length in ms; null when it cannot be measured. */
  ms: number | null;
  /** Still running: measured up to `now`. */
  ongoing: boolean;
}

const index = (m: LifecycleMilestone): number => LIFECYCLE_MILESTONES.indexOf(m);

/** The nearest present milestone before `to`, from `started` on. */
const startOf = (lifecycle: Lifecycle, to: LifecycleMilestone): LifecycleMilestone | null => {
  for (let i = index(to) - 1; i >= 0; i--) {
    const m = LIFECYCLE_MILESTONES[i]!;
    if (lifecycle[m] !== undefined) return m;
  }
  return null;
};

const reachedAfter = (lifecycle: Lifecycle, m: LifecycleMilestone): boolean =>
  LIFECYCLE_MILESTONES.slice(index(m) + 1, index('resolved') + 1).some((x) => lifecycle[x] !== undefined);

/**
 * The phase bar: always every phase, in this fixed order (a chart that adds a
 * segment in the middle must not reorder the others). A phase whose milestone
 * is missing is unmeasured, and the next one starts at the nearest milestone
 * before it, which `from` names. With `now`, the phase the incident is in is
 * measured up to now.
 */
export const phaseSegments = (lifecycle: Lifecycle, now?: number): PhaseSegment[] => {
  // Only the earliest unfinished phase is in progress; the ones after it have not begun.
  let inProgressSeen = false;
  return PHASES.map(({ id, label, to }) => {
    const from = startOf(lifecycle, to);
    const start = from === null ? undefined : lifecycle[from];
    const end = lifecycle[to];
    if (start !== undefined && end !== undefined) {
      return { id, label, from, to, ms: end >= start ? end - start : null, ongoing: false };
    }
    if (start !== undefined && end === undefined && now !== undefined && !inProgressSeen && !reachedAfter(lifecycle, to)) {
      inProgressSeen = true;
      return { id, label, from, to, ms: Math.max(0, now - start), ongoing: true };
    }
    return { id, label, from, to, ms: null, ongoing: false };
  });
};
