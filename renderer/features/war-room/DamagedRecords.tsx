import { useState } from 'react';
import { parsePresence } from '@shared/presence/presence-state';
import type { SetAside } from '@shared/schema/records';
import type { IncidentHandle } from '../../data/incident-registry';
import { useIncidentAwareness } from '../../sync';
import { exportYjs } from '../export';
import { useDamaged } from './use-damaged';

const RECORD_WORD: Record<string, string> = {
  meta: 'incident details',
  roles: 'a role',
  experts: 'a subject-matter expert',
  timeline: 'a timeline entry',
  runbook: 'a runbook step',
  actions: 'an action item',
  updates: 'a stakeholder update',
  postmortem: 'the postmortem',
};

/** Exports the whole document, damaged parts included, as the Yjs update the import reads. */
export const RawExport = ({ handle }: { handle: IncidentHandle }) => (
  <button type="button" onClick={() => void exportYjs(handle.doc).catch(() => undefined)}>
    Export everything (Yjs file)
  </button>
);

/**
 * What a peer (or a damaged disk) wrote that cannot be shown as data: named,
 * with who wrote it when awareness knows them, and kept in the document,
 * never deleted. Everything valid is shown as usual.
 */
export const DamagedRecords = ({ handle }: { handle: IncidentHandle }) => {
  const damaged = useDamaged(handle.doc);
  const awareness = useIncidentAwareness(handle);
  const [open, setOpen] = useState(false);
  if (damaged.length === 0) return null;
  const writer = (a: SetAside): string => {
    if (a.client === undefined) return 'someone';
    if (a.client === handle.doc.clientID) return 'this window';
    const name = parsePresence(awareness.getStates().get(a.client))?.name;
    return name ? `${name} (Yjs client ${a.client})` : `a peer that has not said who it is (Yjs client ${a.client})`;
  };
  return (
    <section className="damaged" role="alert" aria-label="Records set aside" data-testid="damaged-records">
      <p>
        <strong>
          {damaged.length === 1 ? 'One record' : `${damaged.length} records`} in this incident cannot be shown as data
        </strong>{' '}
        and {damaged.length === 1 ? 'is' : 'are'} set aside: kept in the document, never deleted, and left out of views, metrics and exports until fixed.{' '}
        <button type="button" className="link" aria-expanded={open} onClick={() => setOpen((v) => !v)}>
          {open ? 'Hide details' : 'Show details'}
        </button>{' '}
        <RawExport handle={handle} />
      </p>
      {open && (
        <ul>
          {damaged.map((a, i) => (
            <li key={`${a.record}:${a.id ?? i}:${i}`} data-testid="damaged-record">
              {RECORD_WORD[a.record] ?? a.record}
              {a.id ? ` “${a.id}”` : ''}: {a.reason}; written by {writer(a)}.
            </li>
          ))}
        </ul>
      )}
    </section>
  );
};
