import { useCallback, useEffect, useState } from 'react';
import { platform } from '../../platform';
import { InviteDialog } from './InviteDialog';
import { useMenuCommands } from './use-menu-commands';
import './desktop.css';

/**
 * The app's end of the host integration, mounted once: runs the application
 * menu's commands, and opens invites that arrive as warroom:// links (desktop)
 * or #join= links (a browser that scanned the LAN host's QR code). A browser on
 * the LAN host's plain-http page joins like any other: room encryption falls
 * back to pure JS there (renderer/sync/room-crypto.ts).
 */
export const DesktopBridge = () => {
  // null: closed; '': the empty join dialog; a code: confirm that invite.
  const [invite, setInvite] = useState<string | null>(null);
  const openJoin = useCallback(() => setInvite(''), []);
  useMenuCommands(openJoin);
  useEffect(() => platform.onOpenInvite((code) => setInvite(code)), []);
  if (invite === null) return null;
  // Keyed by the code, so a second link while the dialog is open starts afresh.
  return <InviteDialog key={invite} initial={invite} onClose={() => setInvite(null)} />;
};
