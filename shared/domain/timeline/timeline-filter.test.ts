import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../schema/types';
import { EMPTY_FILTER, filterEntries, isFilterActive, timelineAuthors } from './timeline-filter';

const entry = (over: Partial<TimelineEntry>): TimelineEntry => ({
  id: 'x',
  kind: 'observation',
  text: '',
  author: { name: 'Ada', deviceId: 'a' },
  occurredAt: 1,
  recordedAt: 1,
  clock: 1,
  pinned: false,
  retracted: null,
  edits: [],
  ...over,
});

const entries = [
  entry({ id: '1', kind: 'observation', text: 'DB latency high' }),
  entry({ id: '2', kind: 'action', text: 'Restarted api', pinned: true, author: { name: 'Bob', deviceId: 'b' } }),
  entry({
    id: '3',
    kind: 'decision',
    text: 'Fail over',
    edits: [{ text: 'Failover to us-west', occurredAt: 1, editedAt: 2, editedBy: { name: 'Ada', deviceId: 'a' } }],
  }),
];

const ids = (es: readonly TimelineEntry[]) => es.map((e) => e.id);

describe('filterEntries', () => {
  it('returns the same array when no filter is set', () => {
    expect(isFilterActive(EMPTY_FILTER)).toBe(false);
    expect(filterEntries(entries, EMPTY_FILTER)).toBe(entries);
  });
  it('filters by kind, author and pinned', () => {
    expect(ids(filterEntries(entries, { ...EMPTY_FILTER, kinds: ['action', 'decision'] }))).toEqual(['2', '3']);
    expect(ids(filterEntries(entries, { ...EMPTY_FILTER, authorDeviceId: 'a' }))).toEqual(['1', '3']);
    expect(ids(filterEntries(entries, { ...EMPTY_FILTER, pinnedOnly: true }))).toEqual(['2']);
  });
  it('hides system entries (role, runbook, lifecycle, drill) but keeps status, severity and shift changes', () => {
    const more = [...entries, entry({ id: '4', kind: 'role_change' }), entry({ id: '5', kind: 'runbook' }), entry({ id: '6', kind: 'status_change' }), entry({ id: '7', kind: 'period' }), entry({ id: '8', kind: 'lifecycle' })];
    expect(isFilterActive({ ...EMPTY_FILTER, hideSystem: true })).toBe(true);
    expect(ids(filterEntries(more, { ...EMPTY_FILTER, hideSystem: true }))).toEqual(['1', '2', '3', '6', '7']);
  });
  it('searches text, earlier versions and authors, ignoring case', () => {
    expect(ids(filterEntries(entries, { ...EMPTY_FILTER, query: 'LATENCY' }))).toEqual(['1']);
    expect(ids(filterEntries(entries, { ...EMPTY_FILTER, query: 'us-west' }))).toEqual(['3']);
    expect(ids(filterEntries(entries, { ...EMPTY_FILTER, query: 'bob' }))).toEqual(['2']);
  });
  it('combines filters', () => {
    expect(ids(filterEntries(entries, { ...EMPTY_FILTER, authorDeviceId: 'a', query: 'fail' }))).toEqual(['3']);
  });
  it('lists distinct authors', () => {
    expect(timelineAuthors(entries)).toEqual([
      { deviceId: 'a', name: 'Ada' },
      { deviceId: 'b', name: 'Bob' },
    ]);
  });
});
