import { useMemo } from 'react';
import { ENTRY_KINDS, type EntryKind, type TimelineEntry } from '@shared/schema/types';
import { isFilterActive, timelineAuthors } from '@shared/domain/timeline/timeline-filter';
import { useAppStore } from '../../store/app-store';
import { KIND_LABEL } from './entry-kinds';

export const TimelineFilters = ({ entries, shown }: { entries: readonly TimelineEntry[]; shown: number }) => {
  const authors = useMemo(() => timelineAuthors(entries), [entries]);
  const filter = useAppStore((s) => s.timelineFilter);
  const setFilter = useAppStore((s) => s.setTimelineFilter);
  const clear = useAppStore((s) => s.clearTimelineFilter);
  const utc = useAppStore((s) => s.utc);
  const toggleUtc = useAppStore((s) => s.toggleUtc);
  const toggleKind = (k: EntryKind) =>
    setFilter({ kinds: filter.kinds.includes(k) ? filter.kinds.filter((x) => x !== k) : [...filter.kinds, k] });
  return (
    <div className="timeline-filters" role="search" aria-label="Filter timeline">
      <input
        type="search"
        aria-label="Search timeline"
        placeholder="Search text…"
        value={filter.query}
        onChange={(e) => setFilter({ query: e.target.value })}
      />
      <select
        aria-label="Author"
        value={filter.authorDeviceId ?? ''}
        onChange={(e) => setFilter({ authorDeviceId: e.target.value || null })}
      >
        <option value="">All authors</option>
        {authors.map((a) => (
          <option key={a.deviceId} value={a.deviceId}>
            {a.name}
          </option>
        ))}
      </select>
      <details className="kind-filter">
        <summary>{filter.kinds.length === 0 ? 'All kinds' : `${filter.kinds.length} kinds`}</summary>
        <div className="kind-filter-options">
          {ENTRY_KINDS.map((k) => (
            <label key={k}>
              <input type="checkbox" checked={filter.kinds.includes(k)} onChange={() => toggleKind(k)} /> {KIND_LABEL[k]}
            </label>
          ))}
        </div>
      </details>
      <label className="inline">
        <input type="checkbox" checked={filter.hideSystem} onChange={(e) => setFilter({ hideSystem: e.target.checked })} /> Hide system entries
      </label>
      <label className="inline">
        <input type="checkbox" checked={filter.pinnedOnly} onChange={(e) => setFilter({ pinnedOnly: e.target.checked })} /> Pinned only
      </label>
      <button type="button" aria-pressed={utc} onClick={toggleUtc} title="Show times in UTC or local time">
        {utc ? 'UTC' : 'Local time'}
      </button>
      {isFilterActive(filter) && (
        <>
          <span className="dim" data-testid="filter-count">
            {shown} of {entries.length}
          </span>
          <button type="button" className="link" onClick={clear}>
            Clear filters
          </button>
        </>
      )}
    </div>
  );
};
