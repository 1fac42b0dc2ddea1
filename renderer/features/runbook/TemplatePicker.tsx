import { useId, useState } from 'react';
import { suggestTemplates, type RunbookTemplate } from '@shared/domain/runbook/runbook-templates';
import { applyAsking } from './apply-template';
import type { Severity } from '@shared/schema/types';
import type { useRunOp } from '../../data/use-run-op';

interface Props {
  templates: readonly RunbookTemplate[];
  severity: Severity;
  run: ReturnType<typeof useRunOp>;
  onEdit: (template: RunbookTemplate | null) => void;
}

/** Pick a template (those made for this severity first) and apply it; or start a new one. */
export const TemplatePicker = ({ templates, severity, run, onEdit }: Props) => {
  const ordered = suggestTemplates(templates, severity);
  const suggested = ordered.filter((t) => t.severities.includes(severity));
  const others = ordered.filter((t) => !t.severities.includes(severity));
  const [picked, setPicked] = useState<string>('');
  const selectId = useId();
  const chosen = ordered.find((t) => t.id === picked) ?? ordered[0];
  const option = (t: RunbookTemplate) => (
    <option key={t.id} value={t.id}>
      {t.name} ({t.steps.length} steps)
    </option>
  );
  return (
    <div className="template-picker">
      <label htmlFor={selectId} className="dim">
        Template
      </label>
      <select id={selectId} value={chosen?.id ?? ''} onChange={(e) => setPicked(e.target.value)}>
        {suggested.length > 0 && <optgroup label={`Suggested for ${severity}`}>{suggested.map(option)}</optgroup>}
        {others.length > 0 && <optgroup label="Other templates">{others.map(option)}</optgroup>}
      </select>
      <button type="button" className="primary" disabled={!chosen} onClick={() => chosen && applyAsking(run, chosen)}>
        Apply
      </button>
      {chosen && !chosen.id.startsWith('default:') && (
        <button type="button" onClick={() => onEdit(chosen)} aria-label={`Edit template ${chosen.name}`}>
          Edit
        </button>
      )}
      <button type="button" onClick={() => onEdit(null)}>
        New template
      </button>
    </div>
  );
};
