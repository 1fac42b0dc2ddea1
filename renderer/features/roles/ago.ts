/** "for 12 min", "for 1 h 05 min": how long someone has held a role, so a tired commander shows. */
export const ago = (ms: number): string => {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 1) return 'just now';
  const h = Math.floor(minutes / 60);
  return h > 0 ? `for ${h} h ${String(minutes % 60).padStart(2, '0')} min` : `for ${minutes} min`;
};
