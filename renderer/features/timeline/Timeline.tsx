import { useCallback, useMemo, useState } from 'react';
import { filterEntries } from '@shared/domain/timeline/timeline-filter';
import type { IncidentHandle } from '../../data/incident-registry';
import { useTimeline, useTypeVersion } from '../../data/use-incident';
import { readPeriods } from '@shared/domain/periods/period-ops';
import { useAppStore } from '../../store/app-store';
import { CaptureBox } from './CaptureBox';
import { TimelineFilters } from './TimelineFilters';
import { VirtualEntryList } from './VirtualEntryList';
import { useEntryCommands } from './entry-commands';
import { useToday, useZone } from '../../data/use-zone';

export const Timeline = ({ handle }: { handle: IncidentHandle }) => {
  const entries = useTimeline(handle.doc);
  const filter = useAppStore((s) => s.timelineFilter);
  const zone = useZone();
  const today = useToday(zone);
  const commands = useEntryCommands(handle);
  const shown = useMemo(() => filterEntries(entries, filter), [entries, filter]);
  const periodsVersion = useTypeVersion(handle.doc, 'periods');
  const periods = useMemo(
    () => (void periodsVersion, readPeriods(handle.doc).map((p, i) => ({ id: p.id, startedAt: p.startedAt, label: `Period ${i + 1}: ${p.goal}` })).sort((a, b) => a.startedAt - b.startedAt)),
    [handle.doc, periodsVersion],
  );
  // The entry this person just added (a new object per add, so adding the same twice still counts).
  const [added, setAdded] = useState<{ id: string } | null>(null);
  const onAdded = useCallback((id: string) => setAdded({ id }), []);
  return (
    <section className="timeline" aria-label="Timeline">
      <TimelineFilters entries={entries} shown={shown.length} />
      {shown.length === 0 ? (
        <p className="empty entries-scroll">{entries.length === 0 ? 'No entries yet. Type what you see and press Enter.' : 'No entry matches the filters.'}</p>
      ) : (
        <VirtualEntryList entries={shown} zone={zone} today={today} commands={commands} periods={periods} added={added} />
      )}
      <CaptureBox handle={handle} onAdded={onAdded} />
    </section>
  );
};
