import type { IncidentHandle } from '../../data/incident-registry';
import { useTimeline } from '../../data/use-incident';
import { EntryRow } from './EntryRow';
import { CaptureBox } from './CaptureBox';

export const Timeline = ({ handle }: { handle: IncidentHandle }) => {
  const entries = useTimeline(handle.doc);
  return (
    <section className="timeline" aria-label="Timeline">
      <CaptureBox handle={handle} />
      {entries.length === 0 ? (
        <p className="empty">No entries yet. Type what you see and press Enter.</p>
      ) : (
        <ol className="entries" data-testid="timeline">
          {entries.map((e) => (
            <EntryRow key={e.id} entry={e} utc={false} />
          ))}
        </ol>
      )}
    </section>
  );
};
