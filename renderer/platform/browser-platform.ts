import type { PlatformApi } from '@shared/platform/contract';
import { LAN_DESKTOP_ONLY } from '@shared/platform/lan';
import { copyBySelection } from './copy-by-selection';
import { inviteFromHash } from './invite-hash';

/** A `#join=` link is handed to the first subscriber once, then removed from the address bar and history. */
const takeJoinLink = (listener: (invite: string) => void): void => {
  const invite = inviteFromHash(window.location.hash);
  if (invite === null) return;
  window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}#/`);
  listener(invite);
};

/** The platform contract with web APIs, for the browser build and for peers joining without the app. */
export const browserPlatform: PlatformApi = {
  async saveFile({ suggestedName, mimeType, data }) {
    const blob = new Blob([typeof data === 'string' ? data : new Uint8Array(data)], { type: mimeType });
    const url = URL.createObjectURL(blob);
    try {
      const a = document.createElement('a');
      a.href = url;
      a.download = suggestedName;
      a.rel = 'noopener';
      a.click();
    } finally {
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    }
    return { saved: true, location: suggestedName };
  },
  async printToPdf() {
    // The browser's print dialog has "Save as PDF"; whether the user saved is not knowable.
    window.print();
    return { saved: false };
  },
  async notify({ title, body }) {
    if (!('Notification' in window)) return;
    if (Notification.permission === 'default') await Notification.requestPermission();
    if (Notification.permission === 'granted') new Notification(title, { body });
  },
  async copyText(text) {
    // navigator.clipboard exists only in a secure context; a browser on the LAN host's plain-http page has none.
    if (navigator.clipboard) {
      try {
        await navigator.clipboard.writeText(text);
        return;
      } catch {
        // Refused (permission, focus): the legacy command below may still be allowed.
      }
    }
    copyBySelection(text);
  },
  async openExternal(url) {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new Error('Only http(s) links can be opened.');
    window.open(parsed.href, '_blank', 'noopener,noreferrer');
  },
  async appInfo() {
    return { kind: 'browser', version: import.meta.env.VITE_APP_VERSION ?? 'dev' };
  },
  async hostLan() {
    return { state: 'unavailable', reason: LAN_DESKTOP_ONLY };
  },
  async stopLan() {
    return { state: 'unavailable', reason: LAN_DESKTOP_ONLY };
  },
  async lanStatus() {
    return { state: 'unavailable', reason: LAN_DESKTOP_ONLY };
  },
  async discoverLan() {
    return { available: false, reason: LAN_DESKTOP_ONLY };
  },
  // The page's prefers-color-scheme already is the OS's; a browser has no native parts to theme.
  async setThemeSource() {},
  // A browser has no application menu; the command palette's own shortcuts work instead.
  onCommand: () => () => undefined,
  onOpenInvite(listener) {
    takeJoinLink(listener);
    const onHash = () => takeJoinLink(listener);
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  },
};
