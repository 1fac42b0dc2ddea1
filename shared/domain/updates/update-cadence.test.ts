import { describe, expect, it } from 'vitest';
import { DEFAULT_CADENCE, dueAfterPosting, dueNudge, formatCountdown, lastUpdateOf, nextUpdateDue, type CadenceInput } from './update-cadence';
import { T0, MINUTE } from '../../testing/fixtures';

const input = (patch: Partial<CadenceInput>): CadenceInput => ({ severity: 'SEV1', status: 'investigating', declaredAt: T0, lastUpdate: null, ...patch });

describe('nextUpdateDue', () => {
  it.each([
    ['SEV1', 20],
    ['SEV2', 30],
    ['SEV3', 60],
  ] as const)('%s: first update due %i min after declaring, then that long after each update', (severity, minutes) => {
    expect(nextUpdateDue(input({ severity }))).toEqual({ kind: 'scheduled', dueAt: T0 + minutes * MINUTE, everyMs: minutes * MINUTE, from: 'declared', statusChanged: true });
    const last = { postedAt: T0 + 7 * MINUTE, status: 'investigating' as const };
    expect(nextUpdateDue(input({ severity, lastUpdate: last }))).toMatchObject({ dueAt: last.postedAt + minutes * MINUTE, from: 'last_update', statusChanged: false });
  });

  it('flags a status change since the last update', () => {
    const due = nextUpdateDue(input({ status: 'identified', lastUpdate: { postedAt: T0, status: 'investigating' } }));
    expect(due).toMatchObject({ kind: 'scheduled', statusChanged: true });
  });

  it('SEV4 is due on status change only; SEV5 never', () => {
    expect(nextUpdateDue(input({ severity: 'SEV4' }))).toEqual({ kind: 'on_change', pending: true, lastPostedAt: null });
    expect(nextUpdateDue(input({ severity: 'SEV4', lastUpdate: { postedAt: T0 + MINUTE, status: 'investigating' } }))).toEqual({
      kind: 'on_change',
      pending: false,
      lastPostedAt: T0 + MINUTE,
    });
    expect(nextUpdateDue(input({ severity: 'SEV4', status: 'monitoring', lastUpdate: { postedAt: T0, status: 'investigating' } }))).toMatchObject({ pending: true });
    expect(nextUpdateDue(input({ severity: 'SEV5' }))).toEqual({ kind: 'none', reason: 'severity' });
  });

  it('stops once a resolution update went out, not before', () => {
    const resolvedNoUpdate = nextUpdateDue(input({ status: 'resolved', lastUpdate: { postedAt: T0, status: 'monitoring' } }));
    expect(resolvedNoUpdate).toMatchObject({ kind: 'scheduled', statusChanged: true });
    expect(nextUpdateDue(input({ status: 'closed', lastUpdate: { postedAt: T0, status: 'resolved' } }))).toEqual({ kind: 'none', reason: 'finished' });
  });

  it('has no baseline without a declaration or an update', () => {
    expect(nextUpdateDue(input({ declaredAt: undefined }))).toEqual({ kind: 'none', reason: 'no_baseline' });
  });

  it('takes a team cadence', () => {
    const cadence = { ...DEFAULT_CADENCE, SEV1: 10 * MINUTE };
    expect(nextUpdateDue(input({ cadence }))).toMatchObject({ dueAt: T0 + 10 * MINUTE });
  });
});

describe('dueNudge', () => {
  it('nudges once the scheduled time has come, with a key per due time', () => {
    const due = nextUpdateDue(input({}));
    if (due.kind !== 'scheduled') throw new Error('expected scheduled');
    expect(dueNudge(due, due.dueAt - 1, 'investigating')).toBeNull();
    const a = dueNudge(due, due.dueAt, 'investigating')!;
    expect(a.key).toBe(dueNudge(due, due.dueAt + 5 * MINUTE, 'investigating')!.key);
    const later = nextUpdateDue(input({ lastUpdate: { postedAt: due.dueAt, status: 'investigating' } }));
    if (later.kind !== 'scheduled') throw new Error('expected scheduled');
    expect(dueNudge(later, later.dueAt, 'investigating')!.key).not.toBe(a.key);
    expect(a.message).toContain('20 min');
  });

  it('nudges on a pending status change, keyed by status and last update', () => {
    const due = nextUpdateDue(input({ severity: 'SEV4', status: 'identified', lastUpdate: { postedAt: T0, status: 'investigating' } }));
    const n = dueNudge(due, T0, 'identified')!;
    expect(n.message).toContain('identified');
    const again = nextUpdateDue(input({ severity: 'SEV4', status: 'identified', lastUpdate: { postedAt: T0 + MINUTE, status: 'monitoring' } }));
    expect(dueNudge(again, T0, 'identified')!.key).not.toBe(n.key);
    expect(dueNudge(nextUpdateDue(input({ severity: 'SEV5' })), T0, 'investigating')).toBeNull();
  });
});

describe('helpers', () => {
  it('lastUpdateOf picks the latest by time', () => {
    expect(lastUpdateOf([])).toBeNull();
    expect(lastUpdateOf([{ postedAt: 3, id: 'a' }, { postedAt: 9, id: 'b' }, { postedAt: 5, id: 'c' }])!.id).toBe('b');
  });

  it('dueAfterPosting follows the cadence', () => {
    expect(dueAfterPosting('SEV2', T0)).toBe(T0 + 30 * MINUTE);
    expect(dueAfterPosting('SEV4', T0)).toBe('on_change');
    expect(dueAfterPosting('SEV5', T0)).toBe('none');
  });

  it.each([
    [0, '0:00'],
    [59_999, '0:59'],
    [-65_000, '1:05'],
    [20 * MINUTE, '20:00'],
    [3_723_000, '1:02:03'],
  ])('formatCountdown(%i) = %s', (ms, text) => {
    expect(formatCountdown(ms)).toBe(text);
  });
});
