import { useCallback, useEffect, useRef, useState } from 'react';
import { platform } from '../../platform';
import { errorMessage } from '../../data/use-run-op';

type CopyState = 'copying' | 'copied' | { failed: string };

/**
 * Shows the brief; `copying` is the copy the opener started (inside the click,
 * where the clipboard allows it). If the clipboard refuses, the text is
 * selected for a manual copy.
 */
export const HandoffBriefDialog = ({ text, copying, onClose }: { text: string; copying: Promise<void>; onClose: () => void }) => {
  const ref = useRef<HTMLDialogElement>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  const [copy, setCopy] = useState<CopyState>('copying');

  const follow = useCallback((p: Promise<void>) => {
    p.then(
      () => setCopy('copied'),
      (e: unknown) => {
        setCopy({ failed: errorMessage(e) });
        area.current?.select();
      },
    );
  }, []);

  useEffect(() => {
    if (!ref.current?.open) ref.current?.showModal();
    follow(copying);
  }, [copying, follow]);

  const copyAgain = () => {
    setCopy('copying');
    follow(platform.copyText(text));
  };

  return (
    <dialog ref={ref} className="dialog brief-dialog" aria-labelledby="brief-heading" onClose={onClose}>
      <h2 id="brief-heading">Handoff brief</h2>
      <textarea ref={area} className="brief-text" aria-label="Handoff brief text" readOnly value={text} rows={18} data-testid="handoff-brief" />
      <p role="status" className={typeof copy === 'object' ? 'error' : 'dim'}>
        {copy === 'copying' && 'Copying…'}
        {copy === 'copied' && 'Copied to the clipboard.'}
        {typeof copy === 'object' && `Could not copy (${copy.failed}). The text is selected: press Ctrl+C.`}
      </p>
      <div className="dialog-actions">
        <button type="button" onClick={copyAgain}>
          Copy again
        </button>
        <button type="button" className="primary" onClick={() => ref.current?.close()}>
          Close
        </button>
      </div>
    </dialog>
  );
};
