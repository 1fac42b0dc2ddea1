import { useState, type FormEvent } from 'react';
import { resolvePerson } from '@shared/domain/people';
import type { Actor } from '@shared/schema/types';
import { PersonInput } from './PersonInput';

interface Props {
  label: string;
  submitLabel: string;
  people: readonly Actor[];
  onSubmit: (who: Actor) => Promise<boolean>;
  onCancel: () => void;
}

/** Type a name, press Enter: the person is matched to someone known, or named fresh. Escape cancels. */
export const PersonForm = ({ label, submitLabel, people, onSubmit, onCancel }: Props) => {
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const who = resolvePerson(name, people);
    if (!who) return;
    setBusy(true);
    const ok = await onSubmit(who);
    setBusy(false);
    if (ok) setName('');
  };
  return (
    <form className="person-form" onSubmit={(e) => void submit(e)} onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <PersonInput label={label} value={name} onChange={setName} people={people} autoFocus />
      <button type="submit" className="primary" disabled={busy || name.trim() === ''}>
        {submitLabel}
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
};
