import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../schema/types';
import { entriesThatMatter } from './entries-that-matter';

const entry = (id: string, over: Partial<TimelineEntry>): TimelineEntry => ({
  id,
  kind: 'observation',
  text: id,
  author: { name: 'Ada', deviceId: 'a' },
  occurredAt: 1,
  recordedAt: 1,
  clock: 1,
  pinned: false,
  retracted: null,
  edits: [],
  ...over,
});

describe('entriesThatMatter', () => {
  it('keeps decisions, actions, status and severity changes, shifts and pins, drops chatter and retracted ones, whatever their position', () => {
    const timeline = [
      entry('decision', { kind: 'decision', occurredAt: 1 }),
      entry('action', { kind: 'action', occurredAt: 2 }),
      entry('pinned-note', { kind: 'note', pinned: true, occurredAt: 3 }),
      entry('retracted-decision', { kind: 'decision', retracted: { at: 4, by: { name: 'Ada', deviceId: 'a' }, reason: '' }, occurredAt: 4 }),
      entry('status', { kind: 'status_change', occurredAt: 5 }),
      ...Array.from({ length: 30 }, (_, i) => entry(`chatter-${i}`, { kind: 'observation', occurredAt: 6 + i })),
      entry('role', { kind: 'role_change', occurredAt: 40 }),
    ];
    expect(entriesThatMatter(timeline).map((e) => e.id)).toEqual(['decision', 'action', 'pinned-note', 'status']);
    expect(entriesThatMatter(timeline, { from: 2, to: 5 }).map((e) => e.id)).toEqual(['action', 'pinned-note']);
  });
});
