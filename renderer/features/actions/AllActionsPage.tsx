import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { compareForTracker, isOpenAction, isOverdue } from '@shared/domain/actions/action-due';
import { actionsAcrossIncidents, type IncidentAction } from '@shared/storage/stored-actions';
import { useServices } from '../../data/services';
import { useAppStore } from '../../store/app-store';
import { ActionTableHead } from './ActionItems';
import { STATUS_LABEL, TYPE_LABEL } from './labels';
import { useToday } from './use-actions';
import './actions.css';

const Row = ({ entry, today, open }: { entry: IncidentAction; today: string; open: (incidentId: string) => void }) => {
  const { incident, action } = entry;
  const overdue = isOverdue(action, today);
  return (
    <tr className={`action-row status-${action.status}${overdue ? ' overdue' : ''}`} data-testid="tracker-row" data-overdue={overdue}>
      <td>
        <span className={`badge sev sev-${incident.severity}`}>{incident.severity}</span>{' '}
        <button type="button" className="link" onClick={() => open(incident.id)}>
          {incident.title}
        </button>
        {incident.drill && <span className="badge drill">DRILL</span>}
      </td>
      <td>{action.title}</td>
      <td>{action.owner || '—'}</td>
      <td className="action-due">
        {action.due || '—'}
        {overdue && <span className="badge overdue-badge">Overdue</span>}
      </td>
      <td>{action.priority}</td>
      <td>{TYPE_LABEL[action.type]}</td>
      <td>{STATUS_LABEL[action.status]}</td>
    </tr>
  );
};

const Tracker = ({ all, today, open }: { all: IncidentAction[]; today: string; open: (incidentId: string) => void }) => {
  const [showFinished, setShowFinished] = useState(false);
  const shown = useMemo(
    () => all.filter((e) => showFinished || isOpenAction(e.action)).sort((a, b) => compareForTracker(today)(a.action, b.action)),
    [all, showFinished, today],
  );
  const openCount = all.filter((e) => isOpenAction(e.action)).length;
  const overdue = all.filter((e) => isOverdue(e.action, today)).length;
  return (
    <section className="actions tracker" aria-label="Action items across incidents">
      <div className="tracker-head">
        <p className="actions-count">
          {openCount} open{overdue > 0 && <span className="overdue-count"> · {overdue} overdue</span>} across all incidents on this device
        </p>
        <label className="field inline">
          <input type="checkbox" checked={showFinished} onChange={(e) => setShowFinished(e.target.checked)} />
          <span>Show done and won’t do</span>
        </label>
      </div>
      {shown.length === 0 ? (
        <p className="empty">{all.length === 0 ? 'No action items yet. Add them under an incident’s postmortem.' : 'Every action item is finished.'}</p>
      ) : (
        <table className="action-table" data-testid="tracker-table">
          <ActionTableHead withIncident />
          <tbody>
            {shown.map((e) => (
              <Row key={`${e.incident.id}/${e.action.id}`} entry={e} today={today} open={open} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
};

/**
 * Action items across every incident on this device. Read-only here: each
 * incident's stored document is read without opening it for writing
 * (see shared/storage/stored-actions.ts); editing happens in the incident.
 */
export const AllActionsPage = () => {
  const { db } = useServices();
  const today = useToday();
  const navigate = useAppStore((s) => s.navigate);
  const setMainPane = useAppStore((s) => s.setMainPane);
  // Re-runs whenever an incident's stored updates change.
  const all = useLiveQuery(() => actionsAcrossIncidents(db), [db]);
  const openIncident = (incidentId: string) => {
    setMainPane('postmortem');
    navigate({ name: 'incident', incidentId });
  };
  return (
    <main className="page wide">
      <nav className="crumbs" aria-label="Breadcrumb">
        <button type="button" className="link" onClick={() => navigate({ name: 'list' })}>
          ← All incidents
        </button>
      </nav>
      <h1 className="page-title">Action items</h1>
      {all === undefined ? <p className="empty">Loading…</p> : <Tracker all={all} today={today} open={openIncident} />}
    </main>
  );
};
