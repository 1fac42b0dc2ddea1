import { formatDuration } from '@shared/metrics/metrics';
import { incidentAge, type IncidentSort } from '@shared/storage/incident-query';
import type { IncidentRow } from '@shared/storage/database';
import { useNow } from '../../data/use-now';
import { useAppStore } from '../../store/app-store';
import { wallStamp, zoneOf } from '@shared/time/wall-clock';

const ariaSort = (column: IncidentSort, sort: IncidentSort, direction: 'asc' | 'desc') => {
  if (column !== sort) return undefined;
  // Severity "descending" lists SEV1 first: the rank goes up.
  if (column === 'severity') return direction === 'desc' ? 'ascending' : 'descending';
  return direction === 'desc' ? 'descending' : 'ascending';
};

/** `archived`: the archived ids, when archived incidents are listed (they are marked). */
export const IncidentTable = ({ rows, archived }: { rows: readonly IncidentRow[]; archived?: ReadonlySet<string> }) => {
  const now = useNow(1000);
  const utc = useAppStore((s) => s.utc);
  const { sort, direction } = useAppStore((s) => s.listQuery);
  const navigate = useAppStore((s) => s.navigate);
  return (
    <table className="incident-table" data-testid="incident-list">
      <thead>
        <tr>
          <th scope="col" aria-sort={ariaSort('severity', sort, direction)}>
            Severity
          </th>
          <th scope="col">Title</th>
          <th scope="col">Status</th>
          <th scope="col" aria-sort={ariaSort('declared', sort, direction)}>
            Declared
          </th>
          <th scope="col">Open for / time to resolve</th>
          <th scope="col" aria-sort={ariaSort('updated', sort, direction)}>
            Updated
          </th>
          <th scope="col">Commander</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const age = incidentAge(r, now);
          return (
            <tr key={r.id} data-testid="incident-row" data-incident-id={r.id}>
              <td>
                <span className={`badge sev sev-${r.severity}`}>{r.severity}</span>
                {r.drill && <span className="badge drill">DRILL</span>}
                {archived?.has(r.id) && <span className="badge archived">ARCHIVED</span>}
              </td>
              <td>
                <button type="button" className="link" onClick={() => navigate({ name: 'incident', incidentId: r.id })}>
                  {r.title}
                </button>
              </td>
              <td>
                <span className={`badge status status-${r.status}`}>{r.status}</span>
              </td>
              <td className="mono">
                <time dateTime={new Date(r.declaredAt).toISOString()}>{wallStamp(r.declaredAt, zoneOf(utc), now)}</time>
              </td>
              <td className="mono" data-testid="incident-age">
                {age ? <span title={age.label}>{age.ongoing ? `open ${formatDuration(age.ms)}` : `resolved in ${formatDuration(age.ms)}`}</span> : '—'}
              </td>
              <td className="mono">{formatDuration(Math.max(0, now - r.updatedAt))} ago</td>
              <td>{r.commander ?? <span className="dim">none</span>}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
};
