import { useState } from 'react';
import { useAppStore } from '../../store/app-store';
import { usePendingJoins } from '../../sync';
import { JoinDialog } from './JoinDialog';
import './sharing.css';

/** For the incident list: the Join button, and incidents joined but not received yet. */
export const JoinWithInvite = () => {
  const [open, setOpen] = useState(false);
  const pending = usePendingJoins();
  const navigate = useAppStore((s) => s.navigate);
  return (
    <section className="join" aria-label="Join an incident">
      <button type="button" onClick={() => setOpen(true)} aria-haspopup="dialog">
        Join with invite
      </button>
      {pending && pending.length > 0 && (
        <ul className="pending-joins" aria-label="Waiting to sync">
          {pending.map((s) => (
            <li key={s.incidentId} data-testid="pending-join">
              <button type="button" className="link" onClick={() => navigate({ name: 'incident', incidentId: s.incidentId })}>
                {s.title || 'Untitled incident'}
              </button>{' '}
              <span className="sharing-dim">joined, waiting for a peer to sync it</span>
            </li>
          ))}
        </ul>
      )}
      {open && <JoinDialog open={open} onClose={() => setOpen(false)} />}
    </section>
  );
};
