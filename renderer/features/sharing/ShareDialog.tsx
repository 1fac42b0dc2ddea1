import { useEffect, useState, type FormEvent } from 'react';
import { inviteForShare, type ShareRow } from '@shared/storage/shares';
import { parseUrlList } from '@shared/sync/ws-url';
import { errorMessage } from '../../data/use-run-op';
import { useSyncManager, useShareRow } from '../../sync';
import { copyText } from './copy-text';
import { useModalDialog } from '../../ui/use-modal-dialog';
import { InviteControls } from './InviteControls';
import { WithdrawnNotice } from './WithdrawnNotice';

interface Props {
  incidentId: string;
  title: string;
  open: boolean;
  onClose: () => void;
}

const EndpointsForm = ({ row }: { row: ShareRow }) => {
  const sync = useSyncManager();
  const [signaling, setSignaling] = useState(row.signaling.join('\n'));
  const [relays, setRelays] = useState(row.relays.join('\n'));
  const [message, setMessage] = useState<{ tone: 'error' | 'ok'; text: string } | null>(null);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const list = parseUrlList(signaling);
    const relayList = parseUrlList(relays);
    const invalid = [...list.invalid, ...relayList.invalid];
    if (invalid.length > 0) {
      setMessage({ tone: 'error', text: `Not a ws:// or wss:// address: ${invalid.join(', ')}` });
      return;
    }
    try {
      await sync.setEndpoints(row.incidentId, { signaling: list.urls, relays: relayList.urls });
      setMessage({ tone: 'ok', text: 'Saved. Hand out the new invite code.' });
    } catch (err) {
      setMessage({ tone: 'error', text: errorMessage(err) });
    }
  };

  return (
    <form className="share-endpoints" onSubmit={(e) => void save(e)}>
      <label className="field">
        <span>Signaling servers (one per line; empty for relay only)</span>
        <textarea rows={2} value={signaling} onChange={(e) => setSignaling(e.target.value)} spellCheck={false} />
      </label>
      <label className="field">
        <span>Relay (optional; for big or cross-site rooms; one node per line, tried in turn)</span>
        <textarea rows={2} value={relays} onChange={(e) => setRelays(e.target.value)} placeholder="ws://relay-host:1234" spellCheck={false} />
      </label>
      {message && (
        <p className={message.tone === 'error' ? 'error' : 'sharing-ok'} role={message.tone === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      <div className="dialog-actions">
        <button type="submit">Save servers</button>
      </div>
    </form>
  );
};

/** Makes the incident's secret on first open, then shows the invite and the servers it names. */
export const ShareDialog = ({ incidentId, title, open, onClose }: Props) => {
  const ref = useModalDialog(open);
  const sync = useSyncManager();
  const row = useShareRow(incidentId);
  const [error, setError] = useState<string | null>(null);
  // null until Copy is pressed; false when the browser refused (the code is then selected for Ctrl+C).
  const [copied, setCopied] = useState<boolean | null>(null);

  // After "Stop sharing" the row is gone on purpose: do not make a new secret behind the user's back.
  const [stopped, setStopped] = useState(false);
  useEffect(() => {
    if (!open || row !== null || stopped) return;
    sync.share(incidentId).catch((e: unknown) => setError(errorMessage(e)));
  }, [open, row, sync, incidentId, stopped]);

  let invite = '';
  let inviteError: string | null = null;
  if (row) {
    try {
      invite = inviteForShare(row, title);
    } catch (e) {
      inviteError = errorMessage(e);
    }
  }

  const onStopped = () => {
    setStopped(true);
    onClose();
  };

  const copy = async () => {
    setCopied(await copyText(invite, document.getElementById('invite-code') as HTMLTextAreaElement | null));
  };

  return (
    <dialog ref={ref} className="dialog share-dialog" aria-labelledby="share-heading" onClose={onClose}>
      <h2 id="share-heading">Share this incident</h2>
      <p className="sharing-dim">
        Anyone with this code can read and edit the incident. Send it over a channel you trust; peers connect directly (WebRTC, encrypted).
      </p>
      {error && (
        <p className="error" role="alert">
          Could not share: {error}
        </p>
      )}
      {row === undefined || (row === null && !error) ? <p className="sharing-dim">Creating the invite…</p> : null}
      {row?.withdrawn && (
        <>
          <WithdrawnNotice withdrawal={row.withdrawn} />
          <InviteControls row={row} onStopped={onStopped} />
        </>
      )}
      {row && !row.withdrawn && (
        <>
          <label className="field">
            <span>Invite code</span>
            <textarea id="invite-code" data-testid="invite-code" readOnly rows={4} value={invite} onFocus={(e) => e.currentTarget.select()} spellCheck={false} />
          </label>
          {inviteError && (
            <p className="error" role="alert">
              {inviteError}
            </p>
          )}
          <div className="dialog-actions">
            <span role="status" className={copied === false ? 'error' : 'sharing-ok'}>
              {copied === true && 'Copied'}
              {copied === false && 'Not copied: the code is selected, press Ctrl+C'}
            </span>
            <button type="button" className="primary" disabled={!invite} onClick={() => void copy()}>
              Copy invite
            </button>
          </div>
          <details className="share-advanced">
            <summary>Servers</summary>
            <EndpointsForm key={row.incidentId} row={row} />
          </details>
          <InviteControls row={row} onStopped={onStopped} />
        </>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </dialog>
  );
};
