import { useMemo } from 'react';
import { needsSearchText, queryIncidents } from '@shared/storage/incident-query';
import { useFilledRows } from '../../data/use-filled-rows';
import { useIncidentRows } from '../../data/use-incident-list';
import { useAppStore } from '../../store/app-store';
import { useRegisterCommands, type Command } from '../command-palette';
import { useArchivedIds } from '../incident-admin';
import { IncidentTable } from './IncidentTable';
import { LIST_SEARCH_ID, ListFilters } from './ListFilters';
import './incident-list.css';

export const IncidentList = ({ onDeclare }: { onDeclare: () => void }) => {
  const query = useAppStore((s) => s.listQuery);
  const reset = useAppStore((s) => s.resetListFilters);
  const showArchived = useAppStore((s) => s.listShowArchived);
  const setShowArchived = useAppStore((s) => s.setListShowArchived);
  const archived = useArchivedIds();
  // Older rows lack the timeline words; open their documents only once someone searches text.
  const rows = useFilledRows(useIncidentRows(showArchived), needsSearchText(query));
  const shown = useMemo(() => (rows ? queryIncidents(rows, query) : []), [rows, query]);

  const commands = useMemo(
    (): Command[] => [
      {
        id: 'list.search',
        title: 'Search incidents',
        group: 'Navigate',
        keywords: ['find', 'filter'],
        shortcut: { key: '/' },
        run: () => document.getElementById(LIST_SEARCH_ID)?.focus(),
      },
      { id: 'list.clear', title: 'Clear incident filters', group: 'View', run: reset },
      {
        id: 'list.archived',
        title: showArchived ? 'Hide archived incidents' : 'Show archived incidents',
        group: 'View',
        keywords: ['archive'],
        run: () => setShowArchived(!showArchived),
      },
    ],
    [reset, showArchived, setShowArchived],
  );
  useRegisterCommands(commands);

  if (rows === undefined) return <p className="empty">Loading…</p>;
  if (rows.length === 0 && archived.size > 0) {
    return (
      <div className="empty-state">
        <h2>Every incident on this device is archived</h2>
        <p>
          {archived.size} archived {archived.size === 1 ? 'incident' : 'incidents'}.{' '}
          <button type="button" className="link" onClick={() => setShowArchived(true)}>
            Show archived
          </button>
        </p>
      </div>
    );
  }
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
    <>
      <ListFilters shown={shown.length} total={rows.length} archivedCount={archived.size} />
      {shown.length === 0 ? (
        <p className="empty" data-testid="no-match">
          No incident matches.{' '}
          <button type="button" className="link" onClick={reset}>
            Clear filters
          </button>
        </p>
      ) : (
        <IncidentTable rows={shown} archived={showArchived ? archived : undefined} />
      )}
    </>
  );
};
