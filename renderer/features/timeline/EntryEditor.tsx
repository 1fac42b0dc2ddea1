import { useState, type FormEvent, type KeyboardEvent } from 'react';
import type { TimelineEntry } from '@shared/schema/types';
import { fromDateTimeInput, toDateTimeInput, zoneName, type Zone } from '@shared/time/wall-clock';
import type { EntryCommands } from './entry-commands';
import { DateTimeInput } from '../../ui/DateTimeInput';

/**
 * Inline edit of text and time; Enter saves, Escape cancels. The old version
 * goes to history. The time is shown and read in the zone the timeline is
 * shown in, with the offset of the date typed, and the field says which zone.
 */
export const EntryEditor = ({ entry, zone, commands, onDone }: { entry: TimelineEntry; zone: Zone; commands: EntryCommands; onDone: () => void }) => {
  const [text, setText] = useState(entry.text);
  const [when, setWhen] = useState(toDateTimeInput(entry.occurredAt, zone));
  const [error, setError] = useState<string | null>(null);
  const typed = fromDateTimeInput(when, zone);
  const save = (e?: FormEvent) => {
    e?.preventDefault();
    if (typed === null) {
      setError('Enter a complete date and time.');
      return;
    }
    const change: { text?: string; occurredAt?: number } = {};
    if (text !== entry.text) change.text = text;
    if (typed !== entry.occurredAt && toDateTimeInput(entry.occurredAt, zone) !== when) change.occurredAt = typed;
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
      <label className="zoned-field">
        <DateTimeInput aria-label={`When it happened (${zoneName(typed ?? entry.occurredAt, zone)})`} value={when} onChange={setWhen} />
        <span className="dim" data-testid="editor-zone">
          {zoneName(typed ?? entry.occurredAt, zone)}
        </span>
      </label>
      <button type="submit">Save</button>
      <button type="button" onClick={onDone}>
        Cancel
      </button>
      {error && (
        <p role="alert" className="error inline-error">
          {error}
        </p>
      )}
    </form>
  );
};
