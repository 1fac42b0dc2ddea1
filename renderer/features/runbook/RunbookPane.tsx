import { inPlan } from '@shared/domain/runbook/in-plan';
import { useCallback, useMemo, useState } from 'react';
import { moveStep } from '@shared/domain/runbook/runbook-order-ops';
import { runbookProgress } from '@shared/domain/runbook/runbook-progress';
import type { RunbookStep } from '@shared/schema/types';
import { useMeta } from '../../data/use-incident';
import { useRunOp } from '../../data/use-run-op';
import type { PaneProps } from '../../ui/pane';
import { usePeople } from '../roles';
import { AddStepForm } from './AddStepForm';
import { ProgressBar } from './ProgressBar';
import { StepRow } from './StepRow';
import { RemovedSteps } from './RemovedSteps';
import { TemplatePicker } from './TemplatePicker';
import { TemplateEditor, draftFrom, type TemplateDraft } from './TemplateEditor';
import { useRunbook, useTemplates } from './use-runbook';
import { useRunbookCommands } from './use-runbook-commands';
import './runbook.css';

/** The incident's checklist: templates, progress, and every step change logged to the timeline. */
export const RunbookPane = ({ handle }: PaneProps) => {
  const meta = useMeta(handle.doc);
  const all = useRunbook(handle.doc);
  // The list is the plan; removed steps are shown apart, and moves count only the plan.
  const steps = useMemo(() => all.filter(inPlan), [all]);
  const removed = useMemo(() => all.filter((s) => !inPlan(s)), [all]);
  const people = usePeople(handle.doc);
  const templates = useTemplates().all;
  const run = useRunOp(handle);
  const [editing, setEditing] = useState<TemplateDraft | null>(null);
  const progress = useMemo(() => runbookProgress(steps), [steps]);
  const onMove = useCallback((step: RunbookStep, to: number) => void run((doc, ctx) => moveStep(doc, ctx, step.id, to)), [run]);
  useRunbookCommands(templates, meta?.severity ?? 'SEV3', run);
  if (!meta) return null;
  const saveAsTemplate = () =>
    setEditing({
      ...draftFrom(null, meta.severity),
      name: `${meta.title} runbook`,
      steps: steps.map((s) => ({ title: s.title, detail: s.detail, risky: s.risky === true, rollback: s.rollback ?? '' })),
    });

  return (
    <div className="runbook-pane">
      <div className="pane-heading">
        <h2>Runbook</h2>
        {steps.length > 0 && (
          <button type="button" onClick={saveAsTemplate}>
            Save as template
          </button>
        )}
      </div>
      {steps.length > 0 && <ProgressBar progress={progress} />}
      <TemplatePicker templates={templates} severity={meta.severity} run={run} onEdit={(t) => setEditing(draftFrom(t, meta.severity))} />
      {steps.length === 0 ? (
        <p className="dim">{removed.length === 0 ? 'No steps yet: apply a template or add steps below.' : 'Every step was removed from the plan.'}</p>
      ) : (
        <ol className="runbook-steps" aria-label="Runbook steps">
          {steps.map((s, i) => (
            <StepRow key={s.id} step={s} index={i} count={steps.length} people={people} run={run} onMove={onMove} />
          ))}
        </ol>
      )}
      <RemovedSteps steps={removed} run={run} />
      <AddStepForm run={run} />
      {editing && <TemplateEditor initial={editing} onClose={() => setEditing(null)} />}
    </div>
  );
};
