import { useState, type FormEvent } from 'react';
import type { TimelineEntry } from '@shared/schema/types';
import type { EntryCommands } from './entry-commands';

/** Retracting keeps the text; the reason tells readers why it no longer holds. */
export const RetractForm = ({ entry, commands, onDone }: { entry: TimelineEntry; commands: EntryCommands; onDone: () => void }) => {
  const [reason, setReason] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (commands.retract(entry, reason)) onDone();
  };
  return (
    <form
      className="entry-editor"
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onDone();
        }
      }}
    >
      <input aria-label="Why retract this entry" placeholder="Why? (optional)" value={reason} onChange={(e) => setReason(e.target.value)} autoFocus />
      <button type="submit" className="danger">
        Retract
      </button>
      <button type="button" onClick={onDone}>
        Cancel
      </button>
    </form>
  );
};
