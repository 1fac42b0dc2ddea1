import { useState } from 'react';
import { ConnectionStatus } from './ConnectionStatus';
import { ShareDialog } from './ShareDialog';
import './sharing.css';

/** For the war-room header: the connection indicator and the Share button. */
export const SharingControls = ({ incidentId, title }: { incidentId: string; title: string }) => {
  const [open, setOpen] = useState(false);
  return (
    <span className="sharing-controls">
      <ConnectionStatus incidentId={incidentId} />
      <button type="button" onClick={() => setOpen(true)} aria-haspopup="dialog">
        Share
      </button>
      {open && <ShareDialog incidentId={incidentId} title={title} open={open} onClose={() => setOpen(false)} />}
    </span>
  );
};
