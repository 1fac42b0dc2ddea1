import { formatDuration } from '@shared/metrics/metrics';
import type { IncidentRow } from '@shared/storage/database';
import { useIncidentRows } from '../../data/use-incident-list';
import { useAppStore } from '../../store/app-store';
import { useNow } from '../../data/use-now';

const elapsed = (row: IncidentRow, now: number): string =>
  row.resolvedAt ? `lasted ${formatDuration(row.resolvedAt - row.declaredAt)}` : `${formatDuration(now - row.declaredAt)} ago`;

export const IncidentList = ({ onDeclare }: { onDeclare: () => void }) => {
  const rows = useIncidentRows();
  const now = useNow(1000);
  const navigate = useAppStore((s) => s.navigate);
  if (rows === undefined) return <p className="empty">Loading…</p>;
  if (rows.length === 0) {
    return (
      <div className="empty-state">
        <h2>No incidents on this device</h2>
        <p>Declare one when something is on fire. It is stored here and works offline.</p>
        <button type="button" className="primary" onClick={onDeclare}>
          Declare incident
        </button>
      </div>
    );
  }
  return (
    <table className="incident-table" data-testid="incident-list">
      <thead>
        <tr>
          <th scope="col">Severity</th>
          <th scope="col">Title</th>
          <th scope="col">Status</th>
          <th scope="col">Elapsed</th>
          <th scope="col">Commander</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} data-testid="incident-row">
            <td>
              <span className={`badge sev sev-${r.severity}`}>{r.severity}</span>
              {r.drill && <span className="badge drill">DRILL</span>}
            </td>
            <td>
              <button type="button" className="link" onClick={() => navigate({ name: 'incident', incidentId: r.id })}>
                {r.title}
              </button>
            </td>
            <td>
              <span className={`badge status status-${r.status}`}>{r.status}</span>
            </td>
            <td>{elapsed(r, now)}</td>
            <td>{r.commander ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};
