/** Full width and striped: nobody mistakes a drill for the real thing, or the real thing for a drill. */
export const DrillBanner = () => (
  <div className="drill-banner" role="note" aria-label="Drill" data-testid="drill-banner">
    DRILL — this is an exercise, not a real incident. It is left out of the metrics.
  </div>
);
