/**
 * The arrow keys of a WAI-ARIA tab list or radio group (APG "Tabs" and "Radio
 * Group"): Right/Down to the next item, Left/Up to the previous, wrapping;
 * Home and End to the first and last. Null for any other key. Only the
 * current item is in the Tab order (tabIndex 0, the others -1), so Tab leaves
 * the group in one step.
 */
export const rovingIndex = (key: string, current: number, count: number): number | null => {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return (current + 1) % count;
    case 'ArrowLeft':
    case 'ArrowUp':
      return (current - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
};
