import type { TimelineEntry } from '@shared/schema/types';
import { wallStampOn, type Zone } from '@shared/time/wall-clock';

/** Every earlier version, oldest first, with who changed it and when (and a retraction it lifted). */
export const EntryHistory = ({ entry, zone, today }: { entry: TimelineEntry; zone: Zone; today: string }) => {
  if (entry.edits.length === 0) return <p className="entry-history empty-note">No earlier versions.</p>;
  return (
    <ol className="entry-history" aria-label="Edit history">
      {entry.edits.map((e, i) => (
        <li key={i}>
          <span className="history-text">{e.text}</span>{' '}
          <span className="dim">
            (happened {wallStampOn(e.occurredAt, zone, today)}; replaced by {e.editedBy.name} at {wallStampOn(e.editedAt, zone, today)})
          </span>
          {e.lifted && (
            <span className="dim">
              {' '}
              — lifted the retraction by {e.lifted.by.name} at {wallStampOn(e.lifted.at, zone, today)}
              {e.lifted.reason ? `: ${e.lifted.reason}` : ''}
            </span>
          )}
        </li>
      ))}
    </ol>
  );
};
