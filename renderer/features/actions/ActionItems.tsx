import { useCallback, useMemo } from 'react';
import { compareForTracker, isOpenAction, isOverdue } from '@shared/domain/actions/action-due';
import { updateActionItem, type UpdateActionInput } from '@shared/domain/actions/action-ops';
import type { IncidentHandle } from '../../data/incident-registry';
import { useRunOp } from '../../data/use-run-op';
import { ActionRow } from './ActionRow';
import { AddActionForm } from './AddActionForm';
import { useActions, useToday } from './use-actions';
import './actions.css';

export const ActionTableHead = ({ withIncident = false }: { withIncident?: boolean }) => (
  <thead>
    <tr>
      {withIncident && <th scope="col">Incident</th>}
      <th scope="col">Action item</th>
      <th scope="col">Owner</th>
      <th scope="col">Due</th>
      <th scope="col">Priority</th>
      <th scope="col">Type</th>
      <th scope="col">Status</th>
    </tr>
  </thead>
);

/** The incident's action items, under its postmortem. */
export const ActionItems = ({ handle }: { handle: IncidentHandle }) => {
  const items = useActions(handle.doc);
  const today = useToday();
  const runOp = useRunOp(handle);
  const sorted = useMemo(() => [...items].sort(compareForTracker(today)), [items, today]);
  const open = items.filter(isOpenAction).length;
  const overdue = items.filter((i) => isOverdue(i, today)).length;
  const update = useCallback(
    (id: string, patch: UpdateActionInput) => (runOp((doc, ctx) => updateActionItem(doc, ctx, id, patch))).ok,
    [runOp],
  );
  return (
    <section className="actions" aria-labelledby="actions-heading">
      <h2 id="actions-heading">
        Action items{' '}
        <span className="actions-count">
          {open} open{overdue > 0 && <span className="overdue-count"> · {overdue} overdue</span>}
        </span>
      </h2>
      {sorted.length > 0 && (
        // Scrolls sideways in its own box in a narrow window, never under the side panes.
        <div className="action-table-scroll">
          <table className="action-table" data-testid="action-table">
            <ActionTableHead />
            <tbody>
              {sorted.map((item) => (
                <ActionRow key={item.id} item={item} today={today} update={(patch) => update(item.id, patch)} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <AddActionForm handle={handle} />
    </section>
  );
};
