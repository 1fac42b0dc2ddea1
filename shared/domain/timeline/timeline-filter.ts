import type { EntryKind, TimelineEntry } from '../../schema/types';
import { SYSTEM_KINDS_HIDDEN } from './entries-that-matter';

export interface TimelineFilter {
  /** Empty means every kind. */
  kinds: EntryKind[];
  /** Device id of the author, or null for everyone. */
  authorDeviceId: string | null;
  pinnedOnly: boolean;
  /** Case-insensitive; matches the text, earlier versions of it and the author. */
  query: string;
  /** Hide what the system logs about role, runbook, lifecycle and drill changes; status, severity and shift changes stay. */
  hideSystem: boolean;
}

export const EMPTY_FILTER: TimelineFilter = { kinds: [], authorDeviceId: null, pinnedOnly: false, query: '', hideSystem: false };

export const isFilterActive = (f: TimelineFilter): boolean =>
  f.kinds.length > 0 || f.authorDeviceId !== null || f.pinnedOnly || f.hideSystem || f.query.trim() !== '';

export const filterEntries = (entries: readonly TimelineEntry[], f: TimelineFilter): readonly TimelineEntry[] => {
  if (!isFilterActive(f)) return entries;
  const q = f.query.trim().toLowerCase();
  const kinds = new Set(f.kinds);
  return entries.filter(
    (e) =>
      (kinds.size === 0 || kinds.has(e.kind)) &&
      (f.authorDeviceId === null || e.author.deviceId === f.authorDeviceId) &&
      (!f.pinnedOnly || e.pinned) &&
      (!f.hideSystem || !SYSTEM_KINDS_HIDDEN.has(e.kind)) &&
      (q === '' ||
        e.text.toLowerCase().includes(q) ||
        e.author.name.toLowerCase().includes(q) ||
        e.edits.some((x) => x.text.toLowerCase().includes(q))),
  );
};

/** Distinct authors in first-seen order, for the author filter. */
export const timelineAuthors = (entries: readonly TimelineEntry[]): { deviceId: string; name: string }[] => {
  const seen = new Map<string, string>();
  for (const e of entries) if (!seen.has(e.author.deviceId)) seen.set(e.author.deviceId, e.author.name);
  return [...seen].map(([deviceId, name]) => ({ deviceId, name }));
};
