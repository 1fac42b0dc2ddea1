import type { StateCreator } from 'zustand';
import type { MassDeletion } from '@shared/domain/guard/deletion-guard';
import type { AppState } from './app-store';

/** What a peer's changes deleted, per incident, until restored or dismissed. Session state: the record itself is in the document. */
export interface DeletionsSlice {
  deletions: Record<string, (MassDeletion & { key: number; source: string })[]>;
  addDeletion: (incidentId: string, d: MassDeletion, source: string) => void;
  dropDeletion: (incidentId: string, key: number) => void;
}

let nextKey = 1;

export const createDeletionsSlice: StateCreator<AppState, [], [], DeletionsSlice> = (set) => ({
  deletions: {},
  addDeletion: (incidentId, d, source) => set((s) => ({ deletions: { ...s.deletions, [incidentId]: [...(s.deletions[incidentId] ?? []), { ...d, key: nextKey++, source }] } })),
  dropDeletion: (incidentId, key) => set((s) => ({ deletions: { ...s.deletions, [incidentId]: (s.deletions[incidentId] ?? []).filter((d) => d.key !== key) } })),
});
