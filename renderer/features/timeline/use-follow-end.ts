import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import type { Virtualizer } from '@tanstack/react-virtual';

/** How close to the end counts as "following along", in pixels. */
const FOLLOW_SLACK = 80;

/**
 * Keeps a reader who is at the end of the list at the end as entries arrive or
 * rows grow; a reader who scrolled up stays where they are.
 *
 * Why not the library's followOnAppend: it scrolls inside React's commit, which
 * forces a layout for every entry that arrives. Here "at the end" comes from the
 * virtualizer's own numbers (no layout read), and the scroll waits for the next
 * animation frame, whose layout is needed anyway, once however many entries
 * arrived in that frame.
 */
export const useFollowEnd = (scrollRef: RefObject<HTMLElement | null>, count: number, totalSize: number) => {
  const atEnd = useRef(true);
  const lastOffset = useRef<number | null>(null);
  const frame = useRef(0);

  // For the virtualizer's onChange: re-judged only when the reader scrolled, not when the list grew under them.
  const onChange = (v: Virtualizer<HTMLDivElement, Element>) => {
    const offset = v.scrollOffset;
    if (offset === null || offset === lastOffset.current || !v.scrollRect) return;
    lastOffset.current = offset;
    atEnd.current = offset + v.scrollRect.height >= v.getTotalSize() - FOLLOW_SLACK;
  };

  useLayoutEffect(() => {
    if (!atEnd.current || count === 0) return;
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => {
      const el = scrollRef.current;
      if (el) el.scrollTop = el.scrollHeight;
    });
  }, [scrollRef, count, totalSize]);

  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  return onChange;
};
