import { restoreStep } from '@shared/domain/runbook/runbook-removal-ops';
import type { RunbookStep } from '@shared/schema/types';
import type { useRunOp } from '../../data/use-run-op';
import { localHourMinute } from '../../ui/local-time';

interface Props {
  steps: readonly RunbookStep[];
  run: ReturnType<typeof useRunOp>;
}

/** Steps taken out of the plan, with who, when and why: out of the way, never out of the record. */
export const RemovedSteps = ({ steps, run }: Props) => {
  if (steps.length === 0) return null;
  return (
    <details className="removed-steps" data-testid="removed-steps">
      <summary>
        Removed steps ({steps.length})
      </summary>
      <ul aria-label="Removed steps">
        {steps.map((s) => (
          <li key={s.id} data-testid="removed-step" data-step-id={s.id}>
            <span className="step-title">{s.title}</span>{' '}
            <span className="dim">
              removed by {s.removed!.by.name} at {localHourMinute(s.removed!.at)}: {s.removed!.reason}
            </span>{' '}
            <button type="button" className="link" aria-label={`Restore “${s.title}”`} onClick={() => void run((doc, ctx) => restoreStep(doc, ctx, s.id))}>
              Restore
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
};
