import { useId } from 'react';
import type { Actor } from '@shared/schema/types';

interface Props {
  label: string;
  value: string;
  onChange: (value: string) => void;
  people: readonly Actor[];
  autoFocus?: boolean;
  placeholder?: string;
}

/** A name field that suggests the people already in the room; any other name may be typed. */
export const PersonInput = ({ label, value, onChange, people, autoFocus, placeholder = 'Name' }: Props) => {
  const listId = useId();
  return (
    <>
      <input
        aria-label={label}
        list={listId}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        autoFocus={autoFocus}
        placeholder={placeholder}
        maxLength={80}
        autoComplete="off"
      />
      <datalist id={listId}>
        {people.map((p) => (
          <option key={`${p.deviceId}:${p.name}`} value={p.name} />
        ))}
      </datalist>
    </>
  );
};
