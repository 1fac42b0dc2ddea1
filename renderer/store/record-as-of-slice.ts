import type { StateCreator } from 'zustand';
import type { AppState } from './app-store';

/**
 * Per incident, the time a scribe recording after the fact says changes
 * happened at (see OpContext.happenedAt); absent while recording live.
 * Session state: it is how this person is entering the record, not part of it.
 */
export interface RecordAsOfSlice {
  recordAsOf: Record<string, number>;
  setRecordAsOf: (incidentId: string, at: number | null) => void;
}

export const createRecordAsOfSlice: StateCreator<AppState, [], [], RecordAsOfSlice> = (set) => ({
  recordAsOf: {},
  setRecordAsOf: (incidentId, at) =>
    set((s) => {
      const next = { ...s.recordAsOf };
      if (at === null) delete next[incidentId];
      else next[incidentId] = at;
      return { recordAsOf: next };
    }),
});
