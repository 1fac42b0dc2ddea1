import { useState, type FormEvent } from 'react';
import { SEVERITIES, type Severity } from '@shared/schema/types';
import { TEMPLATE_KINDS, TEMPLATE_KIND_LABEL, type RunbookTemplate, type TemplateKind, type TemplateStep } from '@shared/domain/runbook/runbook-templates';
import { deleteTemplate, saveTemplate } from '@shared/storage/templates';
import { useServices } from '../../data/services';
import { errorMessage } from '../../data/use-run-op';
import { TemplateStepsEditor, blankTemplateStep } from './TemplateStepsEditor';
import { useModalDialog } from '../../ui/use-modal-dialog';

export interface TemplateDraft {
  id?: string;
  name: string;
  kind: TemplateKind;
  severities: Severity[];
  steps: TemplateStep[];
}

export const draftFrom = (t: RunbookTemplate | null, severity: Severity): TemplateDraft =>
  t ? { id: t.id, name: t.name, kind: t.kind, severities: [...t.severities], steps: t.steps.map((s) => ({ ...s })) } : { name: '', kind: 'custom', severities: [severity], steps: [blankTemplateStep()] };

/** Create or edit one of the team's templates; stored on this device. */
export const TemplateEditor = ({ initial, onClose }: { initial: TemplateDraft; onClose: () => void }) => {
  const ref = useModalDialog();
  const { db } = useServices();
  const [draft, setDraft] = useState<TemplateDraft>(initial);
  const [error, setError] = useState<string | null>(null);
  const patch = (p: Partial<TemplateDraft>) => setDraft((d) => ({ ...d, ...p }));
  const toggleSeverity = (s: Severity) =>
    patch({ severities: draft.severities.includes(s) ? draft.severities.filter((x) => x !== s) : SEVERITIES.filter((x) => x === s || draft.severities.includes(x)) });

  const save = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await saveTemplate(db, { ...draft, steps: draft.steps.filter((s) => s.title.trim() !== '') }, Date.now());
      ref.current?.close();
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  const remove = async () => {
    if (!draft.id) return;
    try {
      await deleteTemplate(db, draft.id);
      ref.current?.close();
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <dialog ref={ref} className="dialog template-dialog" aria-labelledby="template-heading" onClose={onClose}>
      <form onSubmit={(e) => void save(e)}>
        <h2 id="template-heading">{draft.id ? 'Edit template' : 'New template'}</h2>
        <label className="field">
          <span>Name</span>
          <input value={draft.name} onChange={(e) => patch({ name: e.target.value })} required maxLength={200} autoFocus />
        </label>
        <label className="field">
          <span>Kind</span>
          <select value={draft.kind} onChange={(e) => patch({ kind: e.target.value as TemplateKind })}>
            {TEMPLATE_KINDS.map((k) => (
              <option key={k} value={k}>
                {TEMPLATE_KIND_LABEL[k]}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="field severity-checks">
          <legend>Suggested for</legend>
          {SEVERITIES.map((s) => (
            <label key={s} className="inline-check">
              <input type="checkbox" checked={draft.severities.includes(s)} onChange={() => toggleSeverity(s)} />
              {s}
            </label>
          ))}
        </fieldset>
        <TemplateStepsEditor steps={draft.steps} onChange={(steps) => patch({ steps })} />
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          {draft.id && (
            <button type="button" className="danger" onClick={() => void remove()}>
              Delete template
            </button>
          )}
          <button type="button" onClick={() => ref.current?.close()}>
            Cancel
          </button>
          <button type="submit" className="primary">
            Save template
          </button>
        </div>
      </form>
    </dialog>
  );
};
