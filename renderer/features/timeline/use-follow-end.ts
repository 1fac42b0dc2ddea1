import { useLayoutEffect, useRef, type RefObject } from 'react';
import type { Virtualizer } from '@tanstack/react-virtual';

/** How close to the end counts as "following along", in pixels. */
const FOLLOW_SLACK = 80;

/**
 * Keeps a reader who is at the end of the list at the end as entries arrive,
 * rows grow or the list gets shorter; a reader who scrolled up stays where
 * they are. The list opens at its newest entry.
 *
 * Why not the library's followOnAppend: it scrolls inside React's commit, which
 * forces a layout for every entry that arrives. Here "at the end" comes from the
 * virtualizer's own numbers (no layout read), and the scroll happens when the
 * list's content or box is observed to change size: ResizeObserver runs after
 * the frame's layout, so the scroll costs no extra layout and lands in that
 * same frame.
 */
export const useFollowEnd = (
  scrollRef: RefObject<HTMLElement | null>,
  contentRef: RefObject<HTMLElement | null>,
  onAtEnd?: (atEnd: boolean) => void,
) => {
  const atEnd = useRef(true);
  // The virtualizer reports offset 0 once as it mounts: not the reader scrolling.
  const lastOffset = useRef<number | null>(0);
  // Where this hook last scrolled to: a scroll event for it is ours, not the reader's,
  // even if a row measured meanwhile has made the list longer.
  const wrote = useRef<number | null>(null);

  // For the virtualizer's onChange: re-judged only when the reader scrolled, not when the list grew under them.
  const onChange = (v: Virtualizer<HTMLDivElement, Element>) => {
    const offset = v.scrollOffset;
    if (offset === null || offset === lastOffset.current || !v.scrollRect) return;
    lastOffset.current = offset;
    if (wrote.current !== null && Math.abs(offset - wrote.current) <= 1) return;
    atEnd.current = offset + v.scrollRect.height >= v.getTotalSize() - FOLLOW_SLACK;
    onAtEnd?.(atEnd.current);
  };

  useLayoutEffect(() => {
    const scroller = scrollRef.current;
    const content = contentRef.current;
    if (!scroller || !content) return;
    // Also fires once when observing starts: the list opens at its newest entry.
    const observer = new ResizeObserver(() => {
      if (!atEnd.current) return;
      scroller.scrollTop = scroller.scrollHeight;
      wrote.current = scroller.scrollTop;
    });
    observer.observe(content);
    observer.observe(scroller);
    return () => observer.disconnect();
  }, [scrollRef, contentRef]);

  return { onChange, atEnd };
};
