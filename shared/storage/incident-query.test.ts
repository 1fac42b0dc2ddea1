import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { IncidentRow } from './database';
import { DEFAULT_INCIDENT_QUERY, incidentAge, isNarrowing, queryIncidents, type IncidentListQuery } from './incident-query';
import { searchTextOf } from './incident-search';

const H = 3_600_000;
const T = Date.UTC(2024, 0, 1);

const row = (id: string, over: Partial<IncidentRow> = {}): IncidentRow => ({
  id,
  title: id,
  severity: 'SEV3',
  status: 'investigating',
  drill: false,
  declaredAt: T,
  resolvedAt: null,
  updatedAt: T,
  commander: null,
  ...over,
});

const ROWS: IncidentRow[] = [
  row('a', { title: 'Checkout down', severity: 'SEV1', declaredAt: T + 1 * H, updatedAt: T + 9 * H, searchText: searchTextOf(['Rolled back deploy']) }),
  row('b', { title: 'Queue backlog', severity: 'SEV3', status: 'resolved', declaredAt: T + 3 * H, updatedAt: T + 4 * H, commander: 'Grace' }),
  row('c', { title: 'Game day: DNS', severity: 'SEV2', drill: true, declaredAt: T + 2 * H, updatedAt: T + 5 * H }),
  row('d', { title: 'Disk full', severity: 'SEV1', status: 'monitoring', declaredAt: T + 4 * H, updatedAt: T + 6 * H, searchText: 'wal segments deleted' }),
];

const ids = (q: Partial<IncidentListQuery>) => queryIncidents(ROWS, { ...DEFAULT_INCIDENT_QUERY, ...q }).map((r) => r.id);

describe('queryIncidents', () => {
  it('sorts by updated, declared or severity, either way', () => {
    expect(ids({ sort: 'updated' })).toEqual(['a', 'd', 'c', 'b']);
    expect(ids({ sort: 'updated', direction: 'asc' })).toEqual(['b', 'c', 'd', 'a']);
    expect(ids({ sort: 'declared' })).toEqual(['d', 'b', 'c', 'a']);
    expect(ids({ sort: 'declared', direction: 'asc' })).toEqual(['a', 'c', 'b', 'd']);
    // Most severe first; equal severities newest declared first.
    expect(ids({ sort: 'severity' })).toEqual(['d', 'a', 'c', 'b']);
    expect(ids({ sort: 'severity', direction: 'asc' })).toEqual(['b', 'c', 'd', 'a']);
  });

  it('searches the title, the commander and the words of the timeline', () => {
    expect(ids({ text: 'checkout' })).toEqual(['a']);
    expect(ids({ text: 'rolled' })).toEqual(['a']);
    expect(ids({ text: 'grace' })).toEqual(['b']);
    expect(ids({ text: 'WAL disk' })).toEqual(['d']);
    expect(ids({ text: 'wal checkout' })).toEqual([]);
  });

  it('keeps rows without timeline words searchable by title', () => {
    expect(ids({ text: 'queue' })).toEqual(['b']);
  });

  it('filters by status, severity and drill', () => {
    expect(ids({ statuses: ['resolved', 'monitoring'], sort: 'declared' })).toEqual(['d', 'b']);
    expect(ids({ severities: ['SEV1'], sort: 'declared' })).toEqual(['d', 'a']);
    expect(ids({ drill: 'drill' })).toEqual(['c']);
    expect(ids({ drill: 'real' })).not.toContain('c');
    expect(ids({ drill: 'real' })).toHaveLength(3);
    expect(ids({ severities: ['SEV1', 'SEV2'], drill: 'real', statuses: ['investigating'] })).toEqual(['a']);
  });

  it('returns a subset that satisfies every filter, in order, whatever the query', () => {
    const severity = fc.constantFrom('SEV1', 'SEV2', 'SEV3', 'SEV4', 'SEV5' as const);
    const status = fc.constantFrom('investigating', 'identified', 'monitoring', 'resolved', 'closed' as const);
    fc.assert(
      fc.property(
        fc.array(fc.record({ severity, status, drill: fc.boolean(), declaredAt: fc.nat(1000), updatedAt: fc.nat(1000) }), { maxLength: 20 }),
        fc.record({
          statuses: fc.subarray(['investigating', 'identified', 'monitoring', 'resolved', 'closed'] as const),
          severities: fc.subarray(['SEV1', 'SEV2', 'SEV3', 'SEV4', 'SEV5'] as const),
          drill: fc.constantFrom('all', 'real', 'drill' as const),
          sort: fc.constantFrom('declared', 'updated', 'severity' as const),
          direction: fc.constantFrom('asc', 'desc' as const),
        }),
        (specs, q) => {
          const rows = specs.map((s, i) => row(`r${i}`, s));
          const out = queryIncidents(rows, { ...DEFAULT_INCIDENT_QUERY, ...q, statuses: [...q.statuses], severities: [...q.severities] });
          const expected = rows.filter(
            (r) =>
              (q.statuses.length === 0 || q.statuses.includes(r.status)) &&
              (q.severities.length === 0 || q.severities.includes(r.severity)) &&
              (q.drill === 'all' || r.drill === (q.drill === 'drill')),
          );
          expect(new Set(out.map((r) => r.id))).toEqual(new Set(expected.map((r) => r.id)));
          const key = (r: IncidentRow) =>
            q.sort === 'declared' ? r.declaredAt : q.sort === 'updated' ? r.updatedAt : -Number(r.severity.slice(3));
          for (let i = 1; i < out.length; i++) {
            const [a, b] = [key(out[i - 1]!), key(out[i]!)];
            if (q.direction === 'desc') expect(a).toBeGreaterThanOrEqual(b);
            else expect(a).toBeLessThanOrEqual(b);
          }
        },
      ),
    );
  });
});

describe('isNarrowing', () => {
  it('is false for the default query and for a sort change, true for any filter', () => {
    expect(isNarrowing(DEFAULT_INCIDENT_QUERY)).toBe(false);
    expect(isNarrowing({ ...DEFAULT_INCIDENT_QUERY, sort: 'severity', text: '   ' })).toBe(false);
    expect(isNarrowing({ ...DEFAULT_INCIDENT_QUERY, drill: 'real' })).toBe(true);
    expect(isNarrowing({ ...DEFAULT_INCIDENT_QUERY, statuses: ['closed'] })).toBe(true);
  });
});

describe('incidentAge', () => {
  it('is the duration once resolved or closed, else the time open so far', () => {
    const started = T - H;
    expect(incidentAge(row('x', { declaredAt: T, lifecycle: { started, declared: T, resolved: T + 2 * H } }), T + 10 * H)).toEqual({ label: 'Time to resolve', ms: 3 * H, ongoing: false });
    expect(incidentAge(row('x', { declaredAt: T, lifecycle: { started, declared: T } }), T + 10 * H)).toEqual({ label: 'Since impact started', ms: 11 * H, ongoing: true });
    expect(incidentAge(row('x', { declaredAt: T }), T + 10 * H)).toEqual({ label: 'Since declared', ms: 10 * H, ongoing: true });
  });
});
