import { useId, useState, type FormEvent } from 'react';
import { setSummaryFields } from '@shared/domain/incident/incident-ops';
import type { IncidentMeta } from '@shared/schema/types';
import { useMeta } from '../../data/use-incident';
import { useRunOp } from '../../data/use-run-op';
import type { PaneProps } from '../../ui/pane';

type Field = 'impact' | 'summary';
const LABEL: Record<Field, string> = { impact: 'Impact', summary: 'Summary' };
const HINT: Record<Field, string> = {
  impact: 'Who or what is affected, e.g. "One card payment in ten fails in the EU"',
  summary: 'What is going on, in a sentence or two',
};

/** One field: shown as written, edited in place; a peer's change shows until you start editing. */
const FieldEditor = ({ field, meta, run }: { field: Field; meta: IncidentMeta; run: ReturnType<typeof useRunOp> }) => {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const value = meta[field];
  const save = (e: FormEvent) => {
    e.preventDefault();
    if (draft === null) return;
    const r = run((doc, ctx) => setSummaryFields(doc, ctx, { [field]: draft.trim() }));
    if (r.ok) setDraft(null);
  };
  return (
    <form className="impact-field" onSubmit={save} data-testid={`${field}-field`}>
      <label htmlFor={id}>{LABEL[field]}</label>
      <textarea
        id={id}
        rows={2}
        value={draft ?? value}
        placeholder={HINT[field]}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setDraft(null);
        }}
      />
      {draft !== null && draft !== value && (
        <div className="impact-actions">
          <button type="submit">Save {LABEL[field].toLowerCase()}</button>
          <button type="button" onClick={() => setDraft(null)}>
            Cancel
          </button>
        </div>
      )}
    </form>
  );
};

/** What is affected and what is going on: read by the handoff brief and the stakeholder update drafts. */
export const ImpactPane = ({ handle }: PaneProps) => {
  const meta = useMeta(handle.doc);
  const run = useRunOp(handle);
  if (!meta) return null;
  return (
    <div className="impact-pane">
      <div className="pane-heading">
        <h2>Impact and summary</h2>
      </div>
      <FieldEditor field="impact" meta={meta} run={run} />
      <FieldEditor field="summary" meta={meta} run={run} />
    </div>
  );
};
