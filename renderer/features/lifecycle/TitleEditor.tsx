import { useEffect, useRef, useState, type FormEvent } from 'react';
import { setTitle } from '@shared/domain/incident/incident-ops';
import type { IncidentHandle } from '../../data/incident-registry';
import { useInlineOp } from './use-inline-op';

/** The palette's "Rename incident" presses this button. */
export const RENAME_BUTTON_ID = 'rename-incident';

/** The incident title; ✎ (or the palette) turns it into a field. Enter saves, Esc cancels. */
export const TitleEditor = ({ title, handle }: { title: string; handle: IncidentHandle }) => {
  const run = useInlineOp(handle);
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const renameButton = useRef<HTMLButtonElement>(null);
  const closed = useRef(false);
  // The field goes away on Save or Cancel: focus returns to ✎, not to the page.
  useEffect(() => {
    if (draft !== null || !closed.current) return;
    closed.current = false;
    renameButton.current?.focus();
  }, [draft]);

  const cancel = () => {
    closed.current = true;
    setDraft(null);
    setError(null);
  };
  const save = (e: FormEvent) => {
    e.preventDefault();
    if (draft === null) return;
    const message = run((doc, ctx) => setTitle(doc, ctx, draft));
    if (message) setError(message);
    else cancel();
  };

  if (draft === null) {
    return (
      <>
        <h1 data-testid="incident-title">{title}</h1>
        <button
          ref={renameButton}
          id={RENAME_BUTTON_ID}
          type="button"
          className="icon-button"
          aria-label="Rename incident"
          title="Rename incident"
          onClick={() => setDraft(title)}
        >
          ✎
        </button>
      </>
    );
  }
  return (
    <form className="title-editor" onSubmit={save}>
      <input
        aria-label="Incident title"
        value={draft}
        maxLength={200}
        autoFocus
        aria-invalid={error !== null}
        aria-describedby={error ? 'title-error' : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            cancel();
          }
        }}
      />
      <button type="submit">Save</button>
      <button type="button" onClick={cancel}>
        Cancel
      </button>
      {error && (
        <p id="title-error" role="alert" className="error inline-error">
          {error}
        </p>
      )}
    </form>
  );
};
