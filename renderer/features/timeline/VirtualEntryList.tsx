import { useEffect, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { TimelineEntry } from '@shared/schema/types';
import { EntryRow } from './EntryRow';
import type { EntryCommands } from './entry-commands';

/** How close to the end counts as "following along", in pixels. */
const FOLLOW_SLACK = 80;

/**
 * The timeline as a virtualised list (TanStack Virtual): only the rows on screen
 * are in the DOM, so 10,000 entries scroll like 10. Rows have variable height
 * and are measured. While the reader is at the end, new entries keep it there.
 */
export const VirtualEntryList = ({ entries, utc, commands }: { entries: readonly TimelineEntry[]; utc: boolean; commands: EntryCommands }) => {
  const scrollRef = useRef<HTMLDivElement>(null);
  const following = useRef(true);
  // TanStack Virtual returns functions that the React compiler cannot memoise; that is expected here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 38,
    overscan: 12,
    getItemKey: (i) => entries[i]!.id,
  });

  useEffect(() => {
    if (following.current && entries.length > 0) virtualizer.scrollToIndex(entries.length - 1, { align: 'end' });
  }, [entries.length, virtualizer]);

  const onScroll = () => {
    const el = scrollRef.current;
    if (el) following.current = el.scrollHeight - el.scrollTop - el.clientHeight < FOLLOW_SLACK;
  };

  return (
    <div ref={scrollRef} className="entries-scroll" onScroll={onScroll} data-testid="timeline">
      <div role="list" aria-label="Timeline entries" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((row) => (
          <div
            key={row.key}
            data-index={row.index}
            ref={virtualizer.measureElement}
            style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${row.start}px)` }}
          >
            <EntryRow entry={entries[row.index]!} utc={utc} commands={commands} />
          </div>
        ))}
      </div>
    </div>
  );
};
