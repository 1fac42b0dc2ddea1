import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runbookProgress } from './runbook-progress';
import { STEP_STATES } from '../../schema/types';

describe('runbookProgress', () => {
  it('is empty for no steps', () => {
    expect(runbookProgress([])).toEqual({ total: 0, done: 0, skipped: 0, open: 0, settled: 0 });
  });

  it('counts done and skipped as settled', () => {
    const p = runbookProgress([{ state: 'done' }, { state: 'skipped' }, { state: 'todo' }, { state: 'todo' }]);
    expect(p).toEqual({ total: 4, done: 1, skipped: 1, open: 2, settled: 0.5 });
  });

  it('always adds up, and settled stays within 0…1', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...STEP_STATES).map((state) => ({ state }))), (steps) => {
        const p = runbookProgress(steps);
        expect(p.done + p.skipped + p.open).toBe(p.total);
        expect(p.open).toBe(steps.filter((s) => s.state === 'todo').length);
        expect(p.settled >= 0 && p.settled <= 1).toBe(true);
      }),
    );
  });
});
