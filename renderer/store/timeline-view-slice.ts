import type { StateCreator } from 'zustand';
import { EMPTY_FILTER, type TimelineFilter } from '@shared/domain/timeline/timeline-filter';
import type { AppState } from './app-store';

/** How this user looks at the timeline; never synced. */
export interface TimelineViewSlice {
  timelineFilter: TimelineFilter;
  utc: boolean;
  setTimelineFilter: (patch: Partial<TimelineFilter>) => void;
  clearTimelineFilter: () => void;
  toggleUtc: () => void;
}

export const createTimelineViewSlice: StateCreator<AppState, [], [], TimelineViewSlice> = (set) => ({
  timelineFilter: EMPTY_FILTER,
  utc: false,
  setTimelineFilter: (patch) => set((s) => ({ timelineFilter: { ...s.timelineFilter, ...patch } })),
  clearTimelineFilter: () => set({ timelineFilter: EMPTY_FILTER }),
  toggleUtc: () => set((s) => ({ utc: !s.utc })),
});
