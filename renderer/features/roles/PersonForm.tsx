import { useState, type FormEvent } from 'react';
import { resolvePerson } from '@shared/domain/timeline/people';
import type { Actor } from '@shared/schema/types';
import { PersonInput } from './PersonInput';

interface Props {
  label: string;
  submitLabel: string;
  people: readonly Actor[];
  onSubmit: (who: Actor) => boolean;
  onCancel: () => void;
}

/** Type a name, press Enter: the person is matched to someone known, or named fresh. Escape cancels. */
export const PersonForm = ({ label, submitLabel, people, onSubmit, onCancel }: Props) => {
  const [name, setName] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const who = resolvePerson(name, people);
    if (!who) return;
    if (onSubmit(who)) setName('');
  };
  return (
    <form className="person-form" onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <PersonInput label={label} value={name} onChange={setName} people={people} autoFocus />
      <button type="submit" className="primary" disabled={name.trim() === ''}>
        {submitLabel}
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
};
