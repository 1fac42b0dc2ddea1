import { useMemo } from 'react';
import { needsSearchText, queryIncidents } from '@shared/storage/incident-query';
import { useFilledRows } from '../../data/use-filled-rows';
import { useIncidentRows } from '../../data/use-incident-list';
import { useAppStore } from '../../store/app-store';
import { useRegisterCommands, type Command } from '../command-palette';
import { IncidentTable } from './IncidentTable';
import { LIST_SEARCH_ID, ListFilters } from './ListFilters';
import './incident-list.css';

export const IncidentList = ({ onDeclare }: { onDeclare: () => void }) => {
  const query = useAppStore((s) => s.listQuery);
  const reset = useAppStore((s) => s.resetListFilters);
  // Older rows lack the timeline words; open their documents only once someone searches text.
  const rows = useFilledRows(useIncidentRows(), needsSearchText(query));
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
    ],
    [reset],
  );
  useRegisterCommands(commands);

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
    <>
      <ListFilters shown={shown.length} total={rows.length} />
      {shown.length === 0 ? (
        <p className="empty" data-testid="no-match">
          No incident matches.{' '}
          <button type="button" className="link" onClick={reset}>
            Clear filters
          </button>
        </p>
      ) : (
        <IncidentTable rows={shown} />
      )}
    </>
  );
};
