import { useEffect } from 'react';
import { formatCountdown } from '@shared/domain/updates/update-cadence';
import type { IncidentMeta } from '@shared/schema/types';
import type { IncidentHandle } from '../../data/incident-registry';
import { useNow } from '../../data/use-now';
import { useUpdateDue, useUpdates } from './use-updates';

/**
 * For the incident bar: when the next stakeholder update is due. While one is
 * overdue, the tab and window title say so, for a war room behind other windows.
 */
export const UpdateDueChip = ({ handle, meta }: { handle: IncidentHandle; meta: IncidentMeta }) => {
  const updates = useUpdates(handle.doc);
  const due = useUpdateDue(meta, updates);
  const now = useNow(1000);
  let tone = 'ok';
  let text: string;
  if (due.kind === 'scheduled') {
    const left = due.dueAt - now;
    tone = left < 0 ? 'overdue' : left < 5 * 60_000 ? 'soon' : 'ok';
    text = left < 0 ? `Update overdue by ${formatCountdown(left)}` : `Next update in ${formatCountdown(left)}`;
  } else if (due.kind === 'on_change') {
    tone = due.pending ? 'overdue' : 'ok';
    text = due.pending ? 'Update due now' : 'Update when the status changes';
  } else {
    text = 'No update due';
  }
  const overdue = tone === 'overdue';
  useEffect(() => {
    if (!overdue) return;
    const before = document.title;
    document.title = `Update overdue: ${meta.title} · ${before}`;
    return () => {
      document.title = before;
    };
  }, [overdue, meta.title]);
  return (
    <span className={`bar-chip update-due ${tone}`} data-testid="bar-update-due" data-tone={tone}>
      {text}
    </span>
  );
};
