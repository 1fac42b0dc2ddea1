import { useEffect, useMemo, useRef, useState } from 'react';
import { useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import type { TimelineEntry } from '@shared/schema/types';
import { wallDate, wallDayHeading, type Zone } from '@shared/time/wall-clock';
import { EntryRow } from './EntryRow';
import type { EntryCommands } from './entry-commands';
import { useFollowEnd } from './use-follow-end';
import './timeline.css';
import { focusCaptureBox } from './row-focus';

/** A one-line entry; most are. */
const ROW_ESTIMATE = 38;
const NO_PERIODS: readonly PeriodMark[] = [];
const DAY_ESTIMATE = 30;

type Item = { kind: 'day'; key: string; label: string } | { kind: 'period'; key: string; label: string } | { kind: 'entry'; key: string; entry: TimelineEntry };

/** Where a shift began, for a separator in the list. */
export interface PeriodMark {
  id: string;
  startedAt: number;
  label: string;
}

/** The entries with a day heading before the first and at every change of day, in the zone shown, and a separator where each shift began. */
const withDays = (entries: readonly TimelineEntry[], zone: Zone, periods: readonly PeriodMark[]): Item[] => {
  const items: Item[] = [];
  let day = '';
  let next = 0;
  for (const entry of entries) {
    const d = wallDate(entry.occurredAt, zone);
    if (d !== day) {
      day = d;
      items.push({ kind: 'day', key: `day:${d}`, label: wallDayHeading(entry.occurredAt, zone) });
    }
    // Several shifts may begin before this entry (a quiet one); each gets its separator.
    while (next < periods.length && periods[next]!.startedAt <= entry.occurredAt) {
      const p = periods[next++]!;
      items.push({ kind: 'period', key: `period:${p.id}`, label: p.label });
    }
    items.push({ kind: 'entry', key: entry.id, entry });
  }
  return items;
};

/**
 * A row's height from its ResizeObserver entry; a row just mounted counts as
 * its last known height (or the estimate) until the observer reports it in the
 * same frame. The library's default reads offsetHeight there, which forces a
 * layout in the middle of React's commit for every entry that arrives.
 */
const measureRow = (el: Element, entry: ResizeObserverEntry | undefined, v: Virtualizer<HTMLDivElement, Element>): number => {
  const box = entry?.borderBoxSize?.[0];
  if (box) return Math.round(box.blockSize);
  return v.itemSizeCache.get(v.options.getItemKey(v.indexFromElement(el))) ?? ROW_ESTIMATE;
};

/**
 * The timeline as a virtualised list (TanStack Virtual): only the rows on screen
 * are in the DOM, so 10,000 entries scroll like 10. Rows have variable height
 * and are measured. While the reader is at the end, new entries keep it there.
 */
/** How long the entry just added stays highlighted. */
const FLASH_MS = 2500;

interface ListProps {
  entries: readonly TimelineEntry[];
  zone: Zone;
  today: string;
  commands: EntryCommands;
  /** The entry this person just added: brought into view and highlighted, wherever it landed. */
  added?: { id: string } | null;
  periods?: readonly PeriodMark[];
}

export const VirtualEntryList = ({ entries, zone, today, commands, added = null, periods = NO_PERIODS }: ListProps) => {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [flash, setFlash] = useState<string | null>(null);
  // Entries arrived, or were added, below what the reader is looking at.
  const [below, setBelow] = useState(false);
  const items = useMemo(() => withDays(entries, zone, periods), [entries, zone, periods]);
  // TanStack Virtual returns functions that the React compiler cannot memoise; that is expected here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => (items[i]!.kind === 'entry' ? ROW_ESTIMATE : DAY_ESTIMATE),
    measureElement: measureRow,
    overscan: 12,
    getItemKey: (i) => items[i]!.key,
    onChange: (v) => follow.onChange(v),
  });
  const contentRef = useRef<HTMLDivElement>(null);
  const follow = useFollowEnd(scrollRef, contentRef, (atEnd) => {
    if (atEnd) setBelow(false);
  });

  // New entries while scrolled up: say so instead of moving the reader.
  const count = entries.length;
  const lastCount = useRef(count);
  // Judged from the list's geometry once the frame has scrolled (a flag alone could be stale when the list did not move).
  const checkBelow = () =>
    requestAnimationFrame(() => {
      const el = scrollRef.current;
      if (el) setBelow(el.scrollTop + el.clientHeight < el.scrollHeight - 80);
    });
  useEffect(() => {
    if (count > lastCount.current && !follow.atEnd.current) checkBelow();
    lastCount.current = count;
  }, [count, follow.atEnd]);

  // Bring the entry just added into view (a back-dated one may land far up) and highlight it.
  // Once per add, as soon as the entry is in the list (the same render, or the next).
  const handled = useRef<{ id: string } | null>(null);
  useEffect(() => {
    if (!added || handled.current === added) return;
    const index = items.findIndex((i) => i.key === added.id);
    if (index < 0) return;
    handled.current = added;
    setFlash(added.id);
    if (index < items.length - 1 || !follow.atEnd.current) {
      virtualizer.scrollToIndex(index, { align: 'center' });
      if (index < items.length - 1) checkBelow();
    }
  }, [added, items, virtualizer, follow.atEnd]);
  useEffect(() => {
    if (flash === null) return;
    const timer = setTimeout(() => setFlash(null), FLASH_MS);
    return () => clearTimeout(timer);
  }, [flash, added]);

  // Focus goes to the entry box, not wherever the vanishing marker would leave it (a row far up, scrolled back to).
  const toEnd = () => {
    focusCaptureBox();
    virtualizer.scrollToIndex(items.length - 1, { align: 'end' });
    setBelow(false);
  };

  return (
    <div className="entries-frame">
    <div ref={scrollRef} className="entries-scroll" data-testid="timeline">
      <div ref={contentRef} role="list" aria-label="Timeline entries" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((row) => {
          const item = items[row.index]!;
          return (
            <div
              key={row.key}
              data-index={row.index}
              ref={virtualizer.measureElement}
              style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${row.start}px)` }}
            >
              {item.kind === 'day' ? (
                <div role="listitem" className="day-separator" data-testid="day-separator">
                  {item.label}
                </div>
              ) : item.kind === 'period' ? (
                <div role="listitem" className="day-separator period-separator" data-testid="period-separator">
                  {item.label}
                </div>
              ) : (
                <EntryRow entry={item.entry} zone={zone} today={today} commands={commands} justAdded={flash === item.entry.id} />
              )}
            </div>
          );
        })}
      </div>
    </div>
    {below && (
      <button type="button" className="new-below" data-testid="new-entries-below" onClick={toEnd}>
        New entries below ↓
      </button>
    )}
    </div>
  );
};
