import { useState, type FormEvent } from 'react';
import { addStep } from '@shared/domain/runbook/runbook-ops';
import type { useRunOp } from '../../data/use-run-op';

/** One line to add a step; "risky" adds a rollback field. */
export const AddStepForm = ({ run }: { run: ReturnType<typeof useRunOp> }) => {
  const [title, setTitle] = useState('');
  const [risky, setRisky] = useState(false);
  const [rollback, setRollback] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const r = run((doc, ctx) => addStep(doc, ctx, { title, risky, rollback: risky ? rollback : '' }));
    if (!r.ok) return;
    setTitle('');
    setRisky(false);
    setRollback('');
  };
  return (
    <form className="add-step" onSubmit={submit}>
      <input aria-label="New step" placeholder="Add a step…" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} />
      <label className="inline-check">
        <input type="checkbox" checked={risky} onChange={(e) => setRisky(e.target.checked)} />
        Risky
      </label>
      <button type="submit" disabled={title.trim() === ''}>
        Add step
      </button>
      {risky && (
        <input className="wide" aria-label="Rollback for the new step" placeholder="How to roll it back" value={rollback} onChange={(e) => setRollback(e.target.value)} />
      )}
    </form>
  );
};
