import type { InputHTMLAttributes } from 'react';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'value' | 'onChange'> & {
  /** "2015-10-21T14:51:05" or "2015-10-21 14:51:05" (both read by fromDateTimeInput). */
  value: string;
  onChange: (value: string) => void;
};

/**
 * A date and time typed as text, always 24-hour with the date: "2015-10-21 14:51:05".
 * A datetime-local picker shows whatever the OS locale says (a 12-hour clock on an
 * en-US machine, beside 24-hour clocks everywhere else in the war room), so the
 * war room uses one format of its own instead. The zone is said by the caller.
 */
export const DateTimeInput = ({ value, onChange, ...rest }: Props) => (
  <input
    {...rest}
    type="text"
    inputMode="numeric"
    spellCheck={false}
    autoComplete="off"
    className={`datetime-input${rest.className ? ` ${rest.className}` : ''}`}
    placeholder="YYYY-MM-DD HH:MM:SS"
    title="Date and 24-hour time, e.g. 2015-10-21 14:51:05"
    size={19}
    value={value.replace('T', ' ')}
    onChange={(e) => onChange(e.target.value)}
  />
);
