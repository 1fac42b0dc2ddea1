import { memo } from 'react';
import type { TimelineEntry } from '@shared/schema/types';
import { KIND_LABEL } from './entry-kinds';
import { formatClock, formatDateTime } from './time-format';

/** One timeline entry. Retracted entries stay visible, struck through. */
export const EntryRow = memo(({ entry, utc }: { entry: TimelineEntry; utc: boolean }) => {
  const late = entry.recordedAt - entry.occurredAt > 60_000;
  return (
    <li
      className={`entry kind-${entry.kind}${entry.retracted ? ' retracted' : ''}${entry.pinned ? ' pinned' : ''}`}
      data-testid="timeline-entry"
      data-entry-id={entry.id}
      data-kind={entry.kind}
    >
      <time className="entry-time" dateTime={new Date(entry.occurredAt).toISOString()} title={`Happened ${formatDateTime(entry.occurredAt)}${late ? `; recorded ${formatDateTime(entry.recordedAt)}` : ''}`}>
        {formatClock(entry.occurredAt, utc)}
      </time>
      <span className={`entry-kind badge kind-${entry.kind}`}>{KIND_LABEL[entry.kind]}</span>
      <span className="entry-text">
        {entry.pinned && (
          <span className="entry-pin" aria-label="Pinned">
            ★{' '}
          </span>
        )}
        {entry.retracted ? <s>{entry.text}</s> : entry.text}
        {entry.edits.length > 0 && <span className="entry-edited"> (edited)</span>}
      </span>
      <span className="entry-author">{entry.author.name}</span>
    </li>
  );
});
EntryRow.displayName = 'EntryRow';
