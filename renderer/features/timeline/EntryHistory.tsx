import type { TimelineEntry } from '@shared/schema/types';
import { formatClock } from './time-format';

/** Every earlier version, oldest first, with who changed it and when. */
export const EntryHistory = ({ entry, utc }: { entry: TimelineEntry; utc: boolean }) => {
  if (entry.edits.length === 0) return <p className="entry-history empty-note">No earlier versions.</p>;
  return (
    <ol className="entry-history" aria-label="Edit history">
      {entry.edits.map((e, i) => (
        <li key={i}>
          <span className="history-text">{e.text}</span>{' '}
          <span className="dim">
            (happened {formatClock(e.occurredAt, utc)}; replaced by {e.editedBy.name} at {formatClock(e.editedAt, utc)})
          </span>
        </li>
      ))}
    </ol>
  );
};
