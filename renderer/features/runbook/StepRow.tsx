import { memo, useId, useState } from 'react';
import { assignStep, checkStep, skipStep, uncheckStep } from '@shared/domain/runbook/runbook-ops';
import type { Actor, RunbookStep } from '@shared/schema/types';
import type { useRunOp } from '../../data/use-run-op';
import { PersonForm } from '../roles';
import { RiskyConfirm } from './RiskyConfirm';
import { ReasonForm } from './ReasonForm';
import { removeStep } from '@shared/domain/runbook/runbook-removal-ops';
import { localHourMinute } from '../../ui/local-time';

type Mode = 'view' | 'confirm' | 'skip' | 'remove' | 'assign';

interface Props {
  step: RunbookStep;
  index: number;
  count: number;
  people: readonly Actor[];
  run: ReturnType<typeof useRunOp>;
  onMove: (step: RunbookStep, to: number) => void;
}

/** One step: check (a risky one asks first), skip or remove with a reason, reopen, assign, move. */
export const StepRow = memo(({ step, index, count, people, run, onMove }: Props) => {
  const [mode, setMode] = useState<Mode>('view');
  const checkboxId = useId();
  const q = `“${step.title}”`;

  const toggle = () => {
    if (step.state === 'done') void run((doc, ctx) => uncheckStep(doc, ctx, step.id));
    else if (step.risky) setMode('confirm');
    else void run((doc, ctx) => checkStep(doc, ctx, step.id));
  };
  const confirm = () => {
    if ((run((doc, ctx) => checkStep(doc, ctx, step.id))).ok) setMode('view');
  };
  /** Skipping and removing both take a reason; the form closes once the change is made. */
  const withReason = (op: typeof skipStep | typeof removeStep) => (reason: string) => {
    const ok = run((doc, ctx) => op(doc, ctx, step.id, reason)).ok;
    if (ok) setMode('view');
    return ok;
  };
  const assign = (who: Actor | null) => {
    const ok = (run((doc, ctx) => assignStep(doc, ctx, step.id, who?.name ?? null))).ok;
    if (ok) setMode('view');
    return ok;
  };

  return (
    <li className={`runbook-step state-${step.state}`} data-testid="runbook-step" data-state={step.state} data-step-id={step.id}>
      <div className="step-line">
        <input id={checkboxId} type="checkbox" checked={step.state === 'done'} onChange={toggle} />
        <label htmlFor={checkboxId} className="step-title">
          {step.title}
        </label>
        {step.risky && <span className="badge risky">risky</span>}
        <span className="step-moves">
          <button type="button" aria-label={`Move ${q} up`} disabled={index === 0} onClick={() => onMove(step, index - 1)}>
            ↑
          </button>
          <button type="button" aria-label={`Move ${q} down`} disabled={index === count - 1} onClick={() => onMove(step, index + 1)}>
            ↓
          </button>
        </span>
      </div>
      {step.detail && <p className="step-detail">{step.detail}</p>}
      {step.risky && mode !== 'confirm' && <p className="step-rollback">Rollback: {step.rollback ?? 'none written down'}</p>}
      <div className="step-meta">
        <button type="button" className="link" aria-label={`Assign ${q}${step.assignee ? `, now ${step.assignee}` : ''}`} onClick={() => setMode('assign')}>
          {step.assignee ? `@${step.assignee}` : 'Assign'}
        </button>
        {step.state === 'done' && step.doneBy && <span className="dim">done by {step.doneBy.name} {step.doneAt !== null && `at ${localHourMinute(step.doneAt)}`}</span>}
        {step.state === 'skipped' && (
          <span className="dim" data-testid="skip-reason">
            skipped by {step.doneBy?.name ?? 'someone'}: {step.skipReason}
          </span>
        )}
        {step.state === 'todo' && (
          <button type="button" className="link" aria-label={`Skip ${q}`} onClick={() => setMode('skip')}>
            Skip
          </button>
        )}
        {step.state !== 'done' && (
          <button type="button" className="link" aria-label={`Remove ${q}`} onClick={() => setMode('remove')}>
            Remove
          </button>
        )}
        {step.state === 'skipped' && (
          <button type="button" className="link" aria-label={`Reopen ${q}`} onClick={() => void run((doc, ctx) => uncheckStep(doc, ctx, step.id))}>
            Reopen
          </button>
        )}
      </div>
      {mode === 'confirm' && <RiskyConfirm step={step} onConfirm={confirm} onCancel={() => setMode('view')} />}
      {mode === 'skip' && <ReasonForm label={`Reason for skipping ${q}`} placeholder="Why skip it?" submitLabel="Skip step" onSubmit={withReason(skipStep)} onCancel={() => setMode('view')} />}
      {mode === 'remove' && (
        <ReasonForm label={`Reason for removing ${q}`} placeholder="Why does it not apply?" submitLabel="Remove step" onSubmit={withReason(removeStep)} onCancel={() => setMode('view')} />
      )}
      {mode === 'assign' && (
        <div className="step-form">
          <PersonForm label={`Assign ${q} to`} submitLabel="Assign" people={people} onSubmit={assign} onCancel={() => setMode('view')} />
          {step.assignee && (
            <button type="button" onClick={() => assign(null)}>
              Unassign
            </button>
          )}
        </div>
      )}
    </li>
  );
});
StepRow.displayName = 'StepRow';
