import { inPlan } from './in-plan';
import type { RunbookStep } from '../../schema/types';

export interface RunbookProgress {
  total: number;
  done: number;
  skipped: number;
  open: number;
  /** Share of steps settled (done or skipped), 0…1; 0 for an empty runbook. */
  settled: number;
}

/** How far the runbook is: a skipped step counts as settled, since someone decided about it. */
export const runbookProgress = (all: readonly Pick<RunbookStep, 'state' | 'removed'>[]): RunbookProgress => {
  // A removed step is out of the plan: it neither counts as open nor as settled.
  const steps = all.filter(inPlan);
  const done = steps.filter((s) => s.state === 'done').length;
  const skipped = steps.filter((s) => s.state === 'skipped').length;
  const total = steps.length;
  return { total, done, skipped, open: total - done - skipped, settled: total === 0 ? 0 : (done + skipped) / total };
};
