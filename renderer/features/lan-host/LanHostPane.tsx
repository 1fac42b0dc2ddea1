import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { LanHostStatus } from '@shared/platform/lan';
import { inviteForShare } from '@shared/storage/shares';
import { useMeta } from '../../data/use-incident';
import { useProfile } from '../../data/use-profile';
import { errorMessage } from '../../data/use-run-op';
import { platform } from '../../platform';
import { joinUrl } from '../../platform/invite-hash';
import { useShareRow, useSyncManager } from '../../sync';
import { useRegisterCommands, type Command } from '../command-palette';
import type { PaneProps } from '../../ui/pane';
import { signalingWhileHosting } from './lan-share';
import { LanHostDetails } from './LanHostDetails';
import './lan-host.css';

/**
 * "Host this room on the LAN": this laptop serves the web build and the
 * signaling server on one port and advertises it over mDNS; the invite then
 * names the LAN address, and a QR code opens the room in a phone or laptop
 * browser on the same network.
 */
export const LanHostPane = ({ handle }: PaneProps) => {
  const meta = useMeta(handle.doc);
  const profile = useProfile();
  const sync = useSyncManager();
  const row = useShareRow(handle.id);
  const [status, setStatus] = useState<LanHostStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const hostButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    let live = true;
    platform.lanStatus().then((s) => live && setStatus(s), (e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, []);

  const host = useCallback(async () => {
    setBusy(true);
    setError(null);
    try {
      const s = await platform.hostLan({ displayName: (profile.name || 'Warroom').slice(0, 40) });
      if (s.state === 'hosting') {
        // Share the incident if it was not yet, and put the LAN address in its invite.
        const shared = await sync.share(handle.id);
        await sync.setEndpoints(handle.id, { signaling: signalingWhileHosting(s.signalingUrls, shared.signaling), relays: shared.relays });
      }
      setStatus(s);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }, [profile.name, sync, handle.id]);

  const stop = async () => {
    setBusy(true);
    setError(null);
    try {
      setStatus(await platform.stopLan());
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const commands = useMemo(
    (): Command[] => [
      {
        id: 'lan.host',
        title: 'Host this room on the LAN',
        group: 'Incident',
        keywords: ['lan', 'network', 'offline', 'qr', 'mdns'],
        run: () => {
          hostButton.current?.focus();
          if (status?.state === 'stopped') void host();
        },
      },
    ],
    [host, status?.state],
  );
  useRegisterCommands(commands);

  let invite: string | null = null;
  // Only once the share row names the LAN address: right after hosting starts, the row read may still be the old one.
  if (row && status?.state === 'hosting' && status.signalingUrls.every((u) => row.signaling.includes(u))) {
    try {
      invite = inviteForShare(row, meta?.title ?? '');
    } catch {
      invite = null;
    }
  }

  return (
    <div className="lan-host">
      <h2>LAN host</h2>
      {status === null && !error && <p className="lan-dim">Checking…</p>}
      {status?.state === 'unavailable' && <p className="lan-dim">{status.reason}</p>}
      {status?.state === 'stopped' && (
        <>
          <p className="lan-dim">Serve this room from this computer: laptops and browsers on the same network join without internet.</p>
          <button ref={hostButton} type="button" className="primary" disabled={busy} onClick={() => void host()}>
            Host this room on the LAN
          </button>
        </>
      )}
      {status?.state === 'hosting' && (
        <LanHostDetails status={status} browserLink={invite && status.pageUrls[0] ? joinUrl(status.pageUrls[0], invite) : null} />
      )}
      {status?.state === 'hosting' && (
        <button ref={hostButton} type="button" disabled={busy} onClick={() => void stop()}>
          Stop hosting
        </button>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
};
