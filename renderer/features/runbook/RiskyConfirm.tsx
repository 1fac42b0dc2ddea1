import type { RunbookStep } from '@shared/schema/types';

/** A risky step is checked only after a second, deliberate press, with its rollback in view. */
export const RiskyConfirm = ({ step, onConfirm, onCancel }: { step: RunbookStep; onConfirm: () => void; onCancel: () => void }) => (
  <div className="risky-confirm" role="group" aria-label={`Confirm risky step “${step.title}”`} onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
    <p>
      <strong>This step is risky.</strong> Rollback: {step.rollback ?? 'none written down. Decide how to undo it before you go ahead.'}
    </p>
    <div className="step-form">
      <button type="button" className="danger" onClick={onConfirm} autoFocus>
        Confirm, mark done
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  </div>
);
