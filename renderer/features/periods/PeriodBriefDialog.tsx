import { useEffect, useRef, useState } from 'react';
import { briefAsPlainText } from '@shared/domain/handoff/handoff-brief';
import { exportFileName } from '@shared/export/file-name';
import type { IncidentMeta } from '@shared/schema/types';
import { platform } from '../../platform';
import { errorMessage } from '../../data/use-run-op';

interface Props {
  meta: IncidentMeta;
  number: number;
  brief: string;
  /** Null once someone has acknowledged it. */
  onAcknowledge: (() => void) | null;
  acknowledgedBy: string | null;
  onClose: () => void;
}

/** The brief written when a period ended: copy it for a chat, save it as Markdown, and the incoming commander acknowledges it. */
export const PeriodBriefDialog = ({ meta, number, brief, onAcknowledge, acknowledgedBy, onClose }: Props) => {
  const ref = useRef<HTMLDialogElement>(null);
  const [said, setSaid] = useState<{ text: string; error: boolean } | null>(null);
  useEffect(() => {
    if (!ref.current?.open) ref.current?.showModal();
  }, []);

  const copy = () => {
    // Within the click: the clipboard allows writes only right after a user action.
    platform.copyText(briefAsPlainText(brief)).then(
      () => setSaid({ text: 'Copied as plain text.', error: false }),
      (e: unknown) => setSaid({ text: `Could not copy (${errorMessage(e)}). Select the text and press Ctrl+C.`, error: true }),
    );
  };
  const save = () => {
    const name = exportFileName(meta, 'md').replace(/\.md$/, `-handoff-period-${number}.md`);
    platform.saveFile({ suggestedName: name, mimeType: 'text/markdown', data: brief }).then(
      (r) => setSaid(r.saved ? { text: `Saved${r.location ? ` to ${r.location}` : ''}.`, error: false } : null),
      (e: unknown) => setSaid({ text: `Could not save (${errorMessage(e)}).`, error: true }),
    );
  };

  return (
    <dialog ref={ref} className="dialog brief-dialog" aria-labelledby="period-brief-heading" onClose={onClose}>
      <h2 id="period-brief-heading">Handoff brief, end of period {number}</h2>
      <textarea className="brief-text" aria-label="Handoff brief text" readOnly value={brief} rows={18} data-testid="period-brief" />
      <p role="status" className={said?.error ? 'error' : 'dim'}>
        {said?.text ?? (acknowledgedBy ? `${acknowledgedBy} acknowledged this handoff.` : 'Waiting for the incoming commander to acknowledge it.')}
      </p>
      <div className="dialog-actions">
        <button type="button" onClick={copy}>
          Copy as plain text
        </button>
        <button type="button" onClick={save}>
          Export as Markdown
        </button>
        {onAcknowledge && (
          <button
            type="button"
            onClick={() => {
              setSaid(null);
              onAcknowledge();
            }}
          >
            Acknowledge handoff
          </button>
        )}
        <button type="button" className="primary" onClick={() => ref.current?.close()}>
          Close
        </button>
      </div>
    </dialog>
  );
};
