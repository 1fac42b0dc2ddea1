import { useState, type ReactNode } from 'react';
import { setDrill, setSeverity, setStatus } from '@shared/domain/incident/incident-ops';
import { SEVERITIES, STATUSES, type IncidentMeta } from '@shared/schema/types';
import type { IncidentHandle } from '../../data/incident-registry';
import { PickerMenu, type PickerOption } from './PickerMenu';
import { useInlineOp } from './use-inline-op';
import { DrillSwitch } from './DrillSwitch';
import './lifecycle.css';

const SEVERITY_OPTIONS: PickerOption<IncidentMeta['severity']>[] = SEVERITIES.map((s) => ({ value: s, label: s }));
const STATUS_OPTIONS: PickerOption<IncidentMeta['status']>[] = STATUSES.map((s) => ({ value: s, label: s }));

/**
 * Severity, status and the drill flag, each changed from the keyboard. Every
 * change is logged to the timeline by its operation; a refusal (a status whose
 * milestone would be out of time order) is shown here.
 */
export const IncidentControls = ({ meta, handle, children }: { meta: IncidentMeta; handle: IncidentHandle; children?: ReactNode }) => {
  const run = useInlineOp(handle);
  const [error, setError] = useState<string | null>(null);
  const apply = (op: Parameters<typeof run>[0]) => setError(run(op));
  return (
    <>
      <PickerMenu
        label="Severity"
        value={meta.severity}
        options={SEVERITY_OPTIONS}
        onPick={(s) => apply((doc, ctx) => setSeverity(doc, ctx, s))}
        className={`badge sev sev-${meta.severity} picker-button`}
        testId="incident-severity"
      />
      {children}
      <PickerMenu
        label="Status"
        value={meta.status}
        options={STATUS_OPTIONS}
        onPick={(s) => apply((doc, ctx) => setStatus(doc, ctx, s))}
        className={`badge status status-${meta.status} picker-button`}
        testId="incident-status"
      />
      <DrillSwitch meta={meta} onChange={(drill) => apply((doc, ctx) => setDrill(doc, ctx, drill))} />
      {error && (
        <p role="alert" className="error inline-error header-error">
          {error}
        </p>
      )}
    </>
  );
};
