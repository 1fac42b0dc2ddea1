import type { IncidentHandle } from '../../data/incident-registry';
import { useSaveState } from '../../data/use-incident';

/** Says "Saved" only once every change is committed to IndexedDB. */
export const SaveIndicator = ({ handle }: { handle: IncidentHandle }) => {
  const state = useSaveState(handle);
  if (state.kind === 'error') {
    return (
      <span className="save-state error" role="alert" data-testid="save-state" data-state="error">
        Not saved: {state.error.message}{' '}
        <button type="button" onClick={() => void handle.persistence.retryNow().catch(() => undefined)}>
          Retry now
        </button>
      </span>
    );
  }
  return (
    <span className={`save-state ${state.kind}`} role="status" data-testid="save-state" data-state={state.kind}>
      {state.kind === 'saving' ? 'Saving…' : 'Saved on this device'}
    </span>
  );
};
