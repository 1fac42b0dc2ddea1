import { create } from 'zustand';
import { createNavigationSlice, type NavigationSlice } from './navigation-slice';
import { createNoticeSlice, type NoticeSlice } from './notice-slice';
import { createCaptureSlice, type CaptureSlice } from './capture-slice';
import { createTimelineViewSlice, type TimelineViewSlice } from './timeline-view-slice';
import { createWarRoomSlice, type WarRoomSlice } from './war-room-slice';
import { createIncidentListSlice, type IncidentListSlice } from './incident-list-slice';
import { createMetricsViewSlice, type MetricsViewSlice } from './metrics-view-slice';
import { createErgonomicsSlice, type ErgonomicsSlice } from './ergonomics-slice';
import { createPresenceSlice, type PresenceSlice } from './presence-slice';
import { createUpdatesSlice, type UpdatesSlice } from './updates-slice';
import { createRecordAsOfSlice, type RecordAsOfSlice } from './record-as-of-slice';
import { createDeletionsSlice, type DeletionsSlice } from './deletions-slice';

/**
 * UI session state only: where the user is, what they are typing, what to tell them.
 * Incident data lives in Yjs, presence in awareness; neither is copied here.
 * Read it through selectors (`useAppStore((s) => s.route)`), never the whole store.
 */
export type AppState = NavigationSlice &
  NoticeSlice &
  CaptureSlice &
  TimelineViewSlice &
  WarRoomSlice &
  IncidentListSlice &
  MetricsViewSlice &
  ErgonomicsSlice &
  PresenceSlice &
  UpdatesSlice &
  RecordAsOfSlice &
  DeletionsSlice;

export const useAppStore = create<AppState>()((...a) => ({
  ...createNavigationSlice(...a),
  ...createNoticeSlice(...a),
  ...createCaptureSlice(...a),
  ...createTimelineViewSlice(...a),
  ...createWarRoomSlice(...a),
  ...createIncidentListSlice(...a),
  ...createMetricsViewSlice(...a),
  ...createErgonomicsSlice(...a),
  ...createPresenceSlice(...a),
  ...createUpdatesSlice(...a),
  ...createRecordAsOfSlice(...a),
  ...createDeletionsSlice(...a),
}));
