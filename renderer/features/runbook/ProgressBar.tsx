import type { RunbookProgress } from '@shared/domain/runbook/runbook-progress';

export const ProgressBar = ({ progress }: { progress: RunbookProgress }) => {
  const settled = progress.done + progress.skipped;
  const text = `${settled} of ${progress.total} steps settled${progress.skipped ? ` (${progress.skipped} skipped)` : ''}`;
  return (
    <div className="runbook-progress">
      <div
        className="progress-track"
        role="progressbar"
        aria-label="Runbook progress"
        aria-valuemin={0}
        aria-valuemax={progress.total}
        aria-valuenow={settled}
        aria-valuetext={text}
      >
        <div className="progress-done" style={{ width: `${progress.total ? (progress.done / progress.total) * 100 : 0}%` }} />
        <div className="progress-skipped" style={{ width: `${progress.total ? (progress.skipped / progress.total) * 100 : 0}%` }} />
      </div>
      <span className="dim" data-testid="runbook-progress">
        {text}
      </span>
    </div>
  );
};
