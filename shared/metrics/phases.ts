import { LIFECYCLE_MILESTONES, type Lifecycle, type LifecycleMilestone } from '../schema/types';

/** The four phases of a response, each ending at a lifecycle milestone. */
export const PHASES = [
  { id: 'detect', label: 'Detect', to: 'detected' },
  { id: 'acknowledge', label: 'Acknowledge', to: 'acknowledged' },
  { id: 'mitigate', label: 'Mitigate', to: 'mitigated' },
  { id: 'resolve', label: 'Resolve', to: 'resolved' },
] as const satisfies readonly { id: string; label: string; to: LifecycleMilestone }[];

export type PhaseId = (typeof PHASES)[number]['id'];

export interface PhaseSegment {
  id: PhaseId;
  label: string;
  /** Where the segment starts; null when no earlier milestone is known. */
  from: LifecycleMilestone | null;
  to: LifecycleMilestone;
  /** Length in ms; null when it cannot be measured. */
  ms: number | null;
  /** Still running: measured up to `now`. */
  ongoing: boolean;
}

const index = (m: LifecycleMilestone): number => LIFECYCLE_MILESTONES.indexOf(m);

/** The previous phase's end ("started" for the first) when known, else the nearest known milestone before `to`. */
const startOf = (lifecycle: Lifecycle, phase: number, to: LifecycleMilestone): LifecycleMilestone | null => {
  const preferred: LifecycleMilestone = phase === 0 ? 'started' : PHASES[phase - 1]!.to;
  if (lifecycle[preferred] !== undefined) return preferred;
  for (let i = index(to) - 1; i >= 0; i--) {
    const m = LIFECYCLE_MILESTONES[i]!;
    if (lifecycle[m] !== undefined) return m;
  }
  return null;
};

const reachedAfter = (lifecycle: Lifecycle, m: LifecycleMilestone): boolean =>
  LIFECYCLE_MILESTONES.slice(index(m) + 1).some((x) => lifecycle[x] !== undefined);

/**
 * The phase bar detect → acknowledge → mitigate → resolve. A phase runs from the
 * previous phase's end; when that is missing, from the nearest known milestone
 * before its own end (a missing "detected" makes the acknowledge phase start at
 * "declared", and `from` says so). With
 * `now`, the phase the incident is in is measured up to now.
 */
export const phaseSegments = (lifecycle: Lifecycle, now?: number): PhaseSegment[] => {
  // Only the earliest unfinished phase is in progress; the ones after it have not begun.
  let inProgressSeen = false;
  return PHASES.map(({ id, label, to }, phase) => {
    const from = startOf(lifecycle, phase, to);
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
