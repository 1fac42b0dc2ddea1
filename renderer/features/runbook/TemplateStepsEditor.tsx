import type { TemplateStep } from '@shared/domain/runbook/runbook-templates';

export const blankTemplateStep = (): TemplateStep => ({ title: '', detail: '', risky: false, rollback: '' });

/** The steps of a template being edited: title, risky flag and rollback per step; add, remove, reorder. */
export const TemplateStepsEditor = ({ steps, onChange }: { steps: TemplateStep[]; onChange: (steps: TemplateStep[]) => void }) => {
  const set = (i: number, p: Partial<TemplateStep>) => onChange(steps.map((s, j) => (j === i ? { ...s, ...p } : s)));
  const move = (i: number, to: number) => {
    const next = [...steps];
    const [s] = next.splice(i, 1);
    next.splice(to, 0, s!);
    onChange(next);
  };
  return (
    <fieldset className="field template-steps">
      <legend>Steps</legend>
      <ol>
        {steps.map((s, i) => (
          <li key={i} className="template-step">
            <input aria-label={`Step ${i + 1} title`} value={s.title} onChange={(e) => set(i, { title: e.target.value })} maxLength={200} />
            <label className="inline-check">
              <input type="checkbox" checked={s.risky} onChange={(e) => set(i, { risky: e.target.checked })} />
              Risky
            </label>
            <button type="button" aria-label={`Move step ${i + 1} up`} disabled={i === 0} onClick={() => move(i, i - 1)}>
              ↑
            </button>
            <button type="button" aria-label={`Remove step ${i + 1}`} onClick={() => onChange(steps.filter((_, j) => j !== i))}>
              ✕
            </button>
            {s.risky && (
              <input className="wide" aria-label={`Step ${i + 1} rollback`} placeholder="How to roll it back" value={s.rollback} onChange={(e) => set(i, { rollback: e.target.value })} />
            )}
          </li>
        ))}
      </ol>
      <button type="button" onClick={() => onChange([...steps, blankTemplateStep()])}>
        Add step
      </button>
    </fieldset>
  );
};
