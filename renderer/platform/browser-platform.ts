import type { PlatformApi } from '@shared/platform/contract';

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
  async notify({ title, body }) {
    if (!('Notification' in window)) return;
    if (Notification.permission === 'default') await Notification.requestPermission();
    if (Notification.permission === 'granted') new Notification(title, { body });
  },
  async copyText(text) {
    await navigator.clipboard.writeText(text);
  },
  async openExternal(url) {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new Error('Only http(s) links can be opened.');
    window.open(parsed.href, '_blank', 'noopener,noreferrer');
  },
  async appInfo() {
    return { kind: 'browser', version: import.meta.env.VITE_APP_VERSION ?? 'dev' };
  },
};
