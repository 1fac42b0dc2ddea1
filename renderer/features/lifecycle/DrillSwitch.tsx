import { useState } from 'react';
import type { IncidentMeta } from '@shared/schema/types';
import { useModalDialog } from '../../ui/use-modal-dialog';

/** Turning one of these into a drill would take a real, serious incident out of the metrics: ask first. */
const ASK_FIRST: readonly IncidentMeta['severity'][] = ['SEV1', 'SEV2'];

export const DRILL_SWITCH_ID = 'drill-switch';

const ConfirmDrill = ({ severity, onConfirm, onCancel }: { severity: string; onConfirm: () => void; onCancel: () => void }) => {
  const ref = useModalDialog(true, 'button.cancel');
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="drill-confirm-heading" onClose={onCancel}>
      <h2 id="drill-confirm-heading">Mark this {severity} as a drill?</h2>
      <p>A drill is an exercise: it is left out of the metrics and shown with a drill banner. Mark it only if nothing real is broken.</p>
      <div className="dialog-actions">
        <button type="button" className="cancel" onClick={onCancel}>
          Keep it a real incident
        </button>
        <button type="button" className="danger" onClick={onConfirm}>
          Mark as a drill
        </button>
      </div>
    </dialog>
  );
};

/**
 * A switch, not a badge: its label says what it controls ("Drill") and the
 * track shows whether it is on. Turning a SEV1 or SEV2 into a drill asks first.
 */
export const DrillSwitch = ({ meta, onChange }: { meta: IncidentMeta; onChange: (drill: boolean) => void }) => {
  const [asking, setAsking] = useState(false);
  const flip = () => {
    if (!meta.drill && ASK_FIRST.includes(meta.severity)) setAsking(true);
    else onChange(!meta.drill);
  };
  return (
    <>
      <button
        id={DRILL_SWITCH_ID}
        type="button"
        role="switch"
        aria-checked={meta.drill}
        className="drill-switch"
        data-testid="drill-switch"
        title={meta.drill ? 'A drill: kept out of metrics. Switch off to count it as a real incident.' : 'Switch on to mark as a drill (kept out of metrics)'}
        onClick={flip}
      >
        <span className="switch-track" aria-hidden="true">
          <span className="switch-knob" />
        </span>
        Drill
      </button>
      {asking && (
        <ConfirmDrill
          severity={meta.severity}
          onCancel={() => setAsking(false)}
          onConfirm={() => {
            setAsking(false);
            onChange(true);
          }}
        />
      )}
    </>
  );
};
