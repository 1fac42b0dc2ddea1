import { formatCountdown, type UpdateDue } from '@shared/domain/updates/update-cadence';
import type { Severity } from '@shared/schema/types';
import { localHourMinute } from '../../ui/local-time';


/** When the next stakeholder update is due, counting down; red once overdue. */
export const UpdateCountdown = ({ due, now, severity }: { due: UpdateDue; now: number; severity: Severity }) => {
  let tone = 'ok';
  let text: string;
  switch (due.kind) {
    case 'scheduled': {
      const left = due.dueAt - now;
      tone = left < 0 ? 'overdue' : left < 5 * 60_000 ? 'soon' : 'ok';
      text = left < 0 ? `Update overdue by ${formatCountdown(left)}` : `Next update due in ${formatCountdown(left)} (by ${localHourMinute(due.dueAt)})`;
      if (due.statusChanged && due.from === 'last_update' && left >= 0) text += ' · status changed since the last one';
      break;
    }
    case 'on_change':
      tone = due.pending ? 'overdue' : 'ok';
      text = due.pending ? 'Update due now: the status changed' : `${severity}: next update when the status changes`;
      break;
    case 'none':
      text = due.reason === 'severity' ? `No stakeholder updates at ${severity}` : due.reason === 'finished' ? 'Resolution posted: no more updates due' : 'No update schedule';
      break;
  }
  return (
    <p className={`update-countdown ${tone}`} role="timer" aria-live="off" data-testid="update-countdown" data-tone={tone}>
      {text}
    </p>
  );
};
