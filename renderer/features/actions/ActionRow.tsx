import type { ActionItem } from '@shared/schema/types';
import { ACTION_PRIORITIES, ACTION_STATUSES, ACTION_TYPES } from '@shared/schema/types';
import { isOverdue } from '@shared/domain/actions/action-due';
import type { UpdateActionInput } from '@shared/domain/actions/action-ops';
import { EditableText } from './EditableText';
import { STATUS_LABEL, TYPE_LABEL } from './labels';

/** One action item, every field editable in place. */
export const ActionRow = ({
  item,
  today,
  update,
}: {
  item: ActionItem;
  today: string;
  update: (patch: UpdateActionInput) => boolean;
}) => {
  const overdue = isOverdue(item, today);
  const name = item.title;
  return (
    <tr className={`action-row status-${item.status}${overdue ? ' overdue' : ''}`} data-testid="action-row" data-overdue={overdue}>
      <td>
        <EditableText value={item.title} label={`Title of “${name}”`} onCommit={(title) => update({ title })} />
      </td>
      <td>
        <EditableText value={item.owner} label={`Owner of “${name}”`} onCommit={(owner) => update({ owner })} />
      </td>
      <td className="action-due">
        <EditableText type="date" value={item.due} label={`Due date of “${name}”`} onCommit={(due) => update({ due })} />
        {overdue && <span className="badge overdue-badge">Overdue</span>}
      </td>
      <td>
        <select aria-label={`Priority of “${name}”`} value={item.priority} onChange={(e) => update({ priority: e.target.value as ActionItem['priority'] })}>
          {ACTION_PRIORITIES.map((p) => (
            <option key={p}>{p}</option>
          ))}
        </select>
      </td>
      <td>
        <select aria-label={`Type of “${name}”`} value={item.type} onChange={(e) => update({ type: e.target.value as ActionItem['type'] })}>
          {ACTION_TYPES.map((t) => (
            <option key={t} value={t}>
              {TYPE_LABEL[t]}
            </option>
          ))}
        </select>
      </td>
      <td>
        <select aria-label={`Status of “${name}”`} value={item.status} onChange={(e) => update({ status: e.target.value as ActionItem['status'] })}>
          {ACTION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABEL[s]}
            </option>
          ))}
        </select>
      </td>
    </tr>
  );
};
