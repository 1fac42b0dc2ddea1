import { useCallback, useEffect, useState } from 'react';
import { platform } from '../../platform';
import { useAppStore } from '../../store/app-store';
import { insecureContextHelp } from './secure-context';
import { InviteDialog } from './InviteDialog';
import { useMenuCommands } from './use-menu-commands';
import './desktop.css';

/**
 * The app's end of the host integration, mounted once: runs the application
 * menu's commands, and opens invites that arrive as warroom:// links (desktop)
 * or #join= links (a browser that scanned the LAN host's QR code), and warns a
 * browser that cannot join rooms because the page is not a secure context.
 */
export const DesktopBridge = () => {
  // null: closed; '': the empty join dialog; a code: confirm that invite.
  const [invite, setInvite] = useState<string | null>(null);
  const openJoin = useCallback(() => setInvite(''), []);
  useMenuCommands(openJoin);
  useEffect(() => platform.onOpenInvite((code) => setInvite(code)), []);
  const pushNotice = useAppStore((s) => s.pushNotice);
  useEffect(() => {
    const help = insecureContextHelp(window.isSecureContext, window.location.origin);
    if (help) pushNotice('error', help);
  }, [pushNotice]);
  if (invite === null) return null;
  // Keyed by the code, so a second link while the dialog is open starts afresh.
  return <InviteDialog key={invite} initial={invite} onClose={() => setInvite(null)} />;
};
