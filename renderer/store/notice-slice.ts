import type { StateCreator } from 'zustand';
import type { AppState } from './app-store';

export interface Notice {
  id: number;
  tone: 'error' | 'info';
  text: string;
}

export interface NoticeSlice {
  notices: Notice[];
  pushNotice: (tone: Notice['tone'], text: string) => void;
  dismissNotice: (id: number) => void;
}

let nextNoticeId = 1;

export const createNoticeSlice: StateCreator<AppState, [], [], NoticeSlice> = (set) => ({
  notices: [],
  pushNotice: (tone, text) =>
    set((s) => ({
      // The same message twice in a row is one notice, not a stack of them.
      notices: s.notices.some((n) => n.text === text) ? s.notices : [...s.notices, { id: nextNoticeId++, tone, text }],
    })),
  dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
});
