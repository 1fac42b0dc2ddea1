import { SEVERITIES, STATUSES } from '@shared/schema/types';
import { isNarrowing, type DrillFilter, type IncidentSort } from '@shared/storage/incident-query';
import { useAppStore } from '../../store/app-store';

export const LIST_SEARCH_ID = 'incident-search';

const SORT_LABEL: Record<IncidentSort, string> = { updated: 'Last updated', declared: 'Declared', severity: 'Severity' };
const ORDER_LABEL: Record<IncidentSort, { desc: string; asc: string }> = {
  updated: { desc: 'Newest first', asc: 'Oldest first' },
  declared: { desc: 'Newest first', asc: 'Oldest first' },
  severity: { desc: 'Most severe first', asc: 'Least severe first' },
};
const DRILL_LABEL: Record<DrillFilter, string> = { all: 'Incidents and drills', real: 'Real incidents only', drill: 'Drills only' };

const toggle = <T,>(list: readonly T[], v: T): T[] => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);

/** Search, filters and order of the incident list; all kept in the store for the session. */
export const ListFilters = ({ shown, total, archivedCount }: { shown: number; total: number; archivedCount: number }) => {
  const q = useAppStore((s) => s.listQuery);
  const showArchived = useAppStore((s) => s.listShowArchived);
  const setShowArchived = useAppStore((s) => s.setListShowArchived);
  const set = useAppStore((s) => s.setListQuery);
  const reset = useAppStore((s) => s.resetListFilters);
  return (
    <div className="list-filters" role="search" aria-label="Filter incidents">
      <input
        id={LIST_SEARCH_ID}
        type="search"
        aria-label="Search incidents"
        placeholder="Search titles and timelines…"
        value={q.text}
        onChange={(e) => set({ text: e.target.value })}
      />
      <fieldset className="chips">
        <legend>Severity</legend>
        {SEVERITIES.map((s) => (
          <label key={s} className="chip">
            <input type="checkbox" checked={q.severities.includes(s)} onChange={() => set({ severities: toggle(q.severities, s) })} />
            {s}
          </label>
        ))}
      </fieldset>
      <fieldset className="chips">
        <legend>Status</legend>
        {STATUSES.map((s) => (
          <label key={s} className="chip">
            <input type="checkbox" checked={q.statuses.includes(s)} onChange={() => set({ statuses: toggle(q.statuses, s) })} />
            {s}
          </label>
        ))}
      </fieldset>
      <select aria-label="Drills" value={q.drill} onChange={(e) => set({ drill: e.target.value as DrillFilter })}>
        {Object.entries(DRILL_LABEL).map(([v, label]) => (
          <option key={v} value={v}>
            {label}
          </option>
        ))}
      </select>
      <select aria-label="Sort by" value={q.sort} onChange={(e) => set({ sort: e.target.value as IncidentSort })}>
        {Object.entries(SORT_LABEL).map(([v, label]) => (
          <option key={v} value={v}>
            {label}
          </option>
        ))}
      </select>
      <select aria-label="Order" value={q.direction} onChange={(e) => set({ direction: e.target.value as 'asc' | 'desc' })}>
        <option value="desc">{ORDER_LABEL[q.sort].desc}</option>
        <option value="asc">{ORDER_LABEL[q.sort].asc}</option>
      </select>
      {(archivedCount > 0 || showArchived) && (
        <label className="chip">
          <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} />
          Show archived ({archivedCount})
        </label>
      )}
      {isNarrowing(q) && (
        <>
          <span className="dim" data-testid="list-count" aria-live="polite">
            {shown} of {total}
          </span>
          <button type="button" className="link" onClick={reset}>
            Clear filters
          </button>
        </>
      )}
    </div>
  );
};
