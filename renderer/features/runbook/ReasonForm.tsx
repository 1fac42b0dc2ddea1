import { useState, type FormEvent } from 'react';

interface Props {
  label: string;
  placeholder: string;
  submitLabel: string;
  /** True when the change was made; the form then closes. */
  onSubmit: (reason: string) => boolean;
  onCancel: () => void;
}

/** A one-line "why" for a change that the record keeps with its reason (skipping or removing a step). */
export const ReasonForm = ({ label, placeholder, submitLabel, onSubmit, onCancel }: Props) => {
  const [reason, setReason] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (onSubmit(reason)) setReason('');
  };
  return (
    <form className="step-form" onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <input aria-label={label} placeholder={placeholder} value={reason} onChange={(e) => setReason(e.target.value)} autoFocus required />
      <button type="submit" disabled={reason.trim() === ''}>
        {submitLabel}
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
};
