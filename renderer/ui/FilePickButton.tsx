import type { ChangeEvent } from 'react';
import './file-pick-button.css';

interface Props {
  /** What the button says, and says while busy. */
  label: string;
  busyLabel: string;
  busy: boolean;
  /** The input's accessible name (what a test or a screen reader asks for). */
  ariaLabel: string;
  accept: string;
  describedBy?: string;
  disabled?: boolean;
  onFile: (file: File) => void;
}

/**
 * A button that opens the file chooser: a styled label around a visually
 * hidden file input, so it looks like the other buttons and keeps the
 * input's keyboard and screen-reader behaviour. Used by import and restore.
 */
export const FilePickButton = ({ label, busyLabel, busy, ariaLabel, accept, describedBy, disabled, onFile }: Props) => {
  const onChange = (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    // Choosing the same file again must fire another change event.
    input.value = '';
    if (file) onFile(file);
  };
  return (
    <label className={`file-pick-button${busy ? ' busy' : ''}`}>
      {busy ? busyLabel : label}
      <input type="file" className="visually-hidden" accept={accept} aria-label={ariaLabel} aria-describedby={describedBy} disabled={disabled ?? busy} onChange={onChange} />
    </label>
  );
};
