import { describe, expect, it } from 'vitest';
import type { ActionItem } from '../../schema/types';
import { compareForTracker, isOverdue, localIsoDate } from './action-due';

const item = (over: Partial<ActionItem>): ActionItem => ({
  id: over.title ?? 'x',
  title: 'x',
  owner: 'Bob',
  due: '2024-03-01',
  priority: 'P2',
  type: 'prevent',
  status: 'open',
  createdAt: 0,
  createdBy: { name: 'Ada', deviceId: 'd' },
  ...over,
});

describe('isOverdue', () => {
  it('is overdue the day after the due date while open or in progress', () => {
    expect(isOverdue(item({ due: '2024-03-01' }), '2024-03-01')).toBe(false);
    expect(isOverdue(item({ due: '2024-03-01' }), '2024-03-02')).toBe(true);
    expect(isOverdue(item({ due: '2024-03-01', status: 'in_progress' }), '2025-01-01')).toBe(true);
  });

  it('is never overdue once done or dropped, or without a due date', () => {
    expect(isOverdue(item({ status: 'done' }), '2030-01-01')).toBe(false);
    expect(isOverdue(item({ status: 'wont_do' }), '2030-01-01')).toBe(false);
    expect(isOverdue(item({ due: '' }), '2030-01-01')).toBe(false);
  });
});

describe('localIsoDate', () => {
  it('gives the calendar date where the viewer is, not in UTC', () => {
    const lateEvening = Date.UTC(2024, 2, 1, 23, 30);
    expect(localIsoDate(lateEvening, 0)).toBe('2024-03-01');
    expect(localIsoDate(lateEvening, -60)).toBe('2024-03-02'); // UTC+1
    expect(localIsoDate(Date.UTC(2024, 2, 1, 2, 0), 300)).toBe('2024-02-29'); // UTC-5
  });
});

describe('compareForTracker', () => {
  it('puts overdue items first, finished items last, then by due date and priority', () => {
    const items = [
      item({ title: 'done long ago', due: '2020-01-01', status: 'done' }),
      item({ title: 'later P1', due: '2024-06-01', priority: 'P1' }),
      item({ title: 'soon P3', due: '2024-04-01', priority: 'P3' }),
      item({ title: 'overdue', due: '2024-01-01' }),
      item({ title: 'same day P1', due: '2024-04-01', priority: 'P1' }),
    ];
    expect(items.sort(compareForTracker('2024-03-15')).map((i) => i.title)).toEqual([
      'overdue',
      'same day P1',
      'soon P3',
      'later P1',
      'done long ago',
    ]);
  });
});
