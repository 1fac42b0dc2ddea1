import type { RunbookStep } from '../../schema/types';

/**
 * Whether a step is part of the plan: a removed step stays in the document
 * (and in every export) but is not shown in the list, counted in the
 * progress, moved among the others, or listed as open.
 */
export const inPlan = (step: Pick<RunbookStep, 'removed'>): boolean => !step.removed;
