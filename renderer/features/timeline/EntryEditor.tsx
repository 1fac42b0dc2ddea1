import { useState, type FormEvent, type KeyboardEvent } from 'react';
import type { TimelineEntry } from '@shared/schema/types';
import type { EntryCommands } from './entry-commands';

const toLocalInput = (t: number): string => {
  const d = new Date(t - new Date(t).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 19);
};

/** Inline edit of text and time; Enter saves, Escape cancels. The old version goes to history. */
export const EntryEditor = ({ entry, commands, onDone }: { entry: TimelineEntry; commands: EntryCommands; onDone: () => void }) => {
  const [text, setText] = useState(entry.text);
  const [when, setWhen] = useState(toLocalInput(entry.occurredAt));
  const save = (e?: FormEvent) => {
    e?.preventDefault();
    const occurredAt = new Date(when).getTime();
    const change: { text?: string; occurredAt?: number } = {};
    if (text !== entry.text) change.text = text;
    if (!Number.isNaN(occurredAt) && Math.abs(occurredAt - entry.occurredAt) >= 1000) change.occurredAt = occurredAt;
    if (Object.keys(change).length === 0 || commands.edit(entry, change)) onDone();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onDone();
    }
  };
  return (
    <form className="entry-editor" onSubmit={save} onKeyDown={onKeyDown}>
      <input aria-label="Entry text" value={text} onChange={(e) => setText(e.target.value)} autoFocus />
      <input aria-label="When it happened" type="datetime-local" step={1} value={when} onChange={(e) => setWhen(e.target.value)} />
      <button type="submit">Save</button>
      <button type="button" onClick={onDone}>
        Cancel
      </button>
    </form>
  );
};
