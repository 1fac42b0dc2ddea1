import { useState, type FormEvent } from 'react';
import { ACTION_PRIORITIES, ACTION_TYPES, type ActionPriority, type ActionType } from '@shared/schema/types';
import { addActionItem } from '@shared/domain/actions/action-ops';
import type { IncidentHandle } from '../../data/incident-registry';
import { useRunOp } from '../../data/use-run-op';
import { TYPE_LABEL } from './labels';

/** Title, owner and due date are required: an item without an owner or a date is a defect. */
export const AddActionForm = ({ handle }: { handle: IncidentHandle }) => {
  const runOp = useRunOp(handle);
  const [title, setTitle] = useState('');
  const [owner, setOwner] = useState('');
  const [due, setDue] = useState('');
  const [priority, setPriority] = useState<ActionPriority>('P2');
  const [type, setType] = useState<ActionType>('prevent');
  const [error, setError] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const result = runOp((doc, ctx) => addActionItem(doc, ctx, { title, owner, due, priority, type }));
    if (!result.ok) {
      setError(result.message);
      return;
    }
    setError(null);
    setTitle('');
    setDue('');
  };

  return (
    <form className="action-form" onSubmit={submit} aria-label="Add action item">
      <label className="field">
        <span>Action item</span>
        <input value={title} onChange={(e) => setTitle(e.target.value)} placeholder="Alert when config drifts" required maxLength={200} />
      </label>
      <label className="field">
        <span>Owner</span>
        <input value={owner} onChange={(e) => setOwner(e.target.value)} required maxLength={80} />
      </label>
      <label className="field">
        <span>Due</span>
        <input type="date" value={due} onChange={(e) => setDue(e.target.value)} required />
      </label>
      <label className="field">
        <span>Priority</span>
        <select value={priority} onChange={(e) => setPriority(e.target.value as ActionPriority)}>
          {ACTION_PRIORITIES.map((p) => (
            <option key={p}>{p}</option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Type</span>
        <select value={type} onChange={(e) => setType(e.target.value as ActionType)}>
          {ACTION_TYPES.map((t) => (
            <option key={t} value={t}>
              {TYPE_LABEL[t]}
            </option>
          ))}
        </select>
      </label>
      <button type="submit">Add action item</button>
      {error && (
        <p className="error action-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
};
