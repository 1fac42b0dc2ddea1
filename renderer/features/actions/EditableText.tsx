import { useState, type KeyboardEvent } from 'react';

/**
 * An input that commits on Enter or when it loses focus and reverts on Escape.
 * A refused value goes back to what is stored, the notice says why.
 */
export const EditableText = ({
  value,
  label,
  type = 'text',
  onCommit,
}: {
  value: string;
  label: string;
  type?: 'text' | 'date';
  onCommit: (next: string) => boolean;
}) => {
  const [draft, setDraft] = useState<string | null>(null);
  const shown = draft ?? value;
  const commit = () => {
    if (draft === null || draft === value) {
      setDraft(null);
      return;
    }
    onCommit(draft);
    setDraft(null);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      commit();
    } else if (e.key === 'Escape') {
      setDraft(null);
    }
  };
  return (
    <input
      type={type}
      aria-label={label}
      value={shown}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={onKeyDown}
    />
  );
};
