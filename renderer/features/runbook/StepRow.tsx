import { memo, useId, useState, type FormEvent } from 'react';
import { assignStep, checkStep, skipStep, uncheckStep } from '@shared/domain/runbook/runbook-ops';
import type { Actor, RunbookStep } from '@shared/schema/types';
import type { useRunOp } from '../../data/use-run-op';
import { PersonForm } from '../roles';
import { RiskyConfirm } from './RiskyConfirm';
import { localHourMinute } from '../../ui/local-time';

type Mode = 'view' | 'confirm' | 'skip' | 'assign';

interface Props {
  step: RunbookStep;
  index: number;
  count: number;
  people: readonly Actor[];
  run: ReturnType<typeof useRunOp>;
  onMove: (step: RunbookStep, to: number) => void;
}


/** One step: check (a risky one asks first), skip with a reason, reopen, assign, move. */
export const StepRow = memo(({ step, index, count, people, run, onMove }: Props) => {
  const [mode, setMode] = useState<Mode>('view');
  const [reason, setReason] = useState('');
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
  const skip = (e: FormEvent) => {
    e.preventDefault();
    if ((run((doc, ctx) => skipStep(doc, ctx, step.id, reason))).ok) {
      setReason('');
      setMode('view');
    }
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
        {step.state === 'skipped' && (
          <button type="button" className="link" aria-label={`Reopen ${q}`} onClick={() => void run((doc, ctx) => uncheckStep(doc, ctx, step.id))}>
            Reopen
          </button>
        )}
      </div>
      {mode === 'confirm' && <RiskyConfirm step={step} onConfirm={confirm} onCancel={() => setMode('view')} />}
      {mode === 'skip' && (
        <form className="step-form" onSubmit={skip} onKeyDown={(e) => e.key === 'Escape' && setMode('view')}>
          <input aria-label={`Reason for skipping ${q}`} placeholder="Why skip it?" value={reason} onChange={(e) => setReason(e.target.value)} autoFocus required />
          <button type="submit" disabled={reason.trim() === ''}>
            Skip step
          </button>
          <button type="button" onClick={() => setMode('view')}>
            Cancel
          </button>
        </form>
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
