import { useMemo, useState } from 'react';
import { unarchiveIncident } from '@shared/storage/archive';
import { useServices } from '../../data/services';
import { useAppStore } from '../../store/app-store';
import { useRegisterCommands, type Command } from '../command-palette';
import { RemoveIncidentDialog, type Removal } from './RemoveIncidentDialog';
import { useIsArchived } from './use-archived';
import './incident-admin.css';

/** For the war-room header: Archive (or Unarchive) and Delete, also in the command palette. */
export const IncidentFileActions = ({ incidentId, title }: { incidentId: string; title: string }) => {
  const { db } = useServices();
  const archived = useIsArchived(incidentId);
  const pushNotice = useAppStore((s) => s.pushNotice);
  const [asking, setAsking] = useState<Removal | null>(null);

  const unarchive = useMemo(
    () => () =>
      void unarchiveIncident(db, incidentId).then(
        () => pushNotice('info', `“${title}” is back in the incident list.`),
        () => pushNotice('error', 'Could not unarchive it: the local database refused the change.'),
      ),
    [db, incidentId, title, pushNotice],
  );

  const commands = useMemo(
    (): Command[] => [
      archived
        ? { id: 'incident.unarchive', title: 'Unarchive this incident', group: 'Incident', keywords: ['restore', 'archive'], run: unarchive }
        : { id: 'incident.archive', title: 'Archive this incident…', group: 'Incident', keywords: ['hide', 'done'], run: () => setAsking('archive') },
      { id: 'incident.delete', title: 'Delete this incident from this device…', group: 'Incident', keywords: ['remove', 'erase'], run: () => setAsking('delete') },
    ],
    [archived, unarchive],
  );
  useRegisterCommands(commands);

  return (
    <span className="incident-file-actions">
      {archived ? (
        <button type="button" onClick={unarchive}>
          Unarchive
        </button>
      ) : (
        <button type="button" onClick={() => setAsking('archive')} aria-haspopup="dialog">
          Archive…
        </button>
      )}
      <button type="button" className="danger" onClick={() => setAsking('delete')} aria-haspopup="dialog">
        Delete…
      </button>
      {asking && <RemoveIncidentDialog incidentId={incidentId} title={title} removal={asking} onClose={() => setAsking(null)} />}
    </span>
  );
};
