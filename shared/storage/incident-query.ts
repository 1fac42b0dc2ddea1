import { headlineFigure, type Headline } from '../metrics/metrics';
import { SEVERITIES, type Severity, type Status } from '../schema/types';
import type { IncidentRow } from './database';
import { matchesTerms, queryTerms } from './incident-search';

export const INCIDENT_SORTS = ['declared', 'updated', 'severity'] as const;
export type IncidentSort = (typeof INCIDENT_SORTS)[number];
export const DRILL_FILTERS = ['all', 'real', 'drill'] as const;
/** all: real incidents and drills; real: drills left out; drill: drills only. */
export type DrillFilter = (typeof DRILL_FILTERS)[number];

/** What the incident list shows and in which order. Empty lists mean "any". */
export interface IncidentListQuery {
  text: string;
  statuses: Status[];
  severities: Severity[];
  drill: DrillFilter;
  sort: IncidentSort;
  /** desc: newest first for times, most severe first for severity. */
  direction: 'desc' | 'asc';
}

export const DEFAULT_INCIDENT_QUERY: IncidentListQuery = {
  text: '',
  statuses: [],
  severities: [],
  drill: 'all',
  sort: 'updated',
  direction: 'desc',
};

/** Whether anything narrows the list (the sort does not). */
export const isNarrowing = (q: IncidentListQuery): boolean =>
  queryTerms(q.text).length > 0 || q.statuses.length > 0 || q.severities.length > 0 || q.drill !== 'all';

/** Whether the text search needs the timeline words, which rows written by older versions lack. */
export const needsSearchText = (q: IncidentListQuery): boolean => queryTerms(q.text).length > 0;

const severityRank = (s: Severity): number => SEVERITIES.indexOf(s);

/** Larger means "first" when descending. */
const primary = (sort: IncidentSort, r: IncidentRow): number => {
  if (sort === 'declared') return r.declaredAt;
  if (sort === 'updated') return r.updatedAt;
  return -severityRank(r.severity);
};

const compareRows = (sort: IncidentSort, direction: 'desc' | 'asc') => (a: IncidentRow, b: IncidentRow): number => {
  const sign = direction === 'desc' ? -1 : 1;
  const d = primary(sort, a) - primary(sort, b);
  if (d !== 0) return sign * d;
  // Ties (same severity, same millisecond) in a fixed order: newest declared first, then id.
  if (a.declaredAt !== b.declaredAt) return b.declaredAt - a.declaredAt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
};

const matchesDrill = (f: DrillFilter, drill: boolean): boolean => f === 'all' || (f === 'drill') === drill;

/**
 * The rows the list shows, filtered and sorted. Text terms match the title, the
 * commander or the timeline words; every term must match somewhere.
 */
export const queryIncidents = (rows: readonly IncidentRow[], q: IncidentListQuery): IncidentRow[] => {
  const terms = queryTerms(q.text);
  const statuses = new Set(q.statuses);
  const severities = new Set(q.severities);
  return rows
    .filter(
      (r) =>
        (statuses.size === 0 || statuses.has(r.status)) &&
        (severities.size === 0 || severities.has(r.severity)) &&
        matchesDrill(q.drill, r.drill) &&
        matchesTerms(terms, [r.title, r.commander ?? '', r.searchText ?? '']),
    )
    .sort(compareRows(q.sort, q.direction));
};

/**
 * The incident's headline figure for the list (see headlineFigure): its time
 * to resolve once resolved, else how long it has run. Rows saved before they
 * carried the lifecycle have only declared and resolved.
 */
export const incidentAge = (r: IncidentRow, now: number): Headline | null =>
  headlineFigure(r.lifecycle ?? { declared: r.declaredAt, ...(r.resolvedAt !== null ? { resolved: r.resolvedAt } : {}) }, now);
