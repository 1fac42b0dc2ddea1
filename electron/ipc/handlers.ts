import type { PlatformInvokeApi, ThemeSource } from '../../shared/platform/contract';
import type { DiscoveredHost, LanHostStatus } from '../../shared/platform/lan';
import { safeExternalHref } from '../security/navigation';
import { saveFiltersFor, type FileFilter } from './save-filters';

/** The LAN host as the handlers see it (lan/lan-controller.ts in the app). */
export interface LanDeps {
  host(options: { displayName: string; port?: number }): Promise<LanHostStatus>;
  stop(): Promise<LanHostStatus>;
  status(): LanHostStatus;
  discover(timeoutMs: number): Promise<DiscoveredHost[]>;
}

/**
 * The Electron capabilities the platform API needs, injected so the handler map
 * runs in Node with fakes. main.ts wires them to dialog, fs, Notification,
 * clipboard, shell, app, the window's webContents and the LAN controller.
 */
export interface PlatformDeps {
  showSaveDialog(options: { defaultPath: string; filters: FileFilter[] }): Promise<{ canceled: boolean; filePath?: string }>;
  writeFile(filePath: string, data: string | Uint8Array): Promise<void>;
  /** webContents.printToPDF of the app window. */
  printToPdf(options: { pageSize: 'A4' | 'Letter' }): Promise<Uint8Array>;
  showNotification(options: { title: string; body: string }): void;
  writeClipboardText(text: string): void;
  openExternal(url: string): Promise<void>;
  getVersion(): string;
  /** nativeTheme.themeSource: native menus and dialogs, and the page's prefers-color-scheme, follow it. */
  setThemeSource(source: ThemeSource): void;
  lan: LanDeps;
}

/**
 * Main's side of the contract: one function per channel, each taking the
 * already-validated arguments (register.ts parses them). `satisfies` makes a
 * missing, extra or mistyped channel a compile error.
 */
export function createPlatformHandlers(deps: PlatformDeps): PlatformInvokeApi {
  const askWhere = async (suggestedName: string): Promise<string | null> => {
    const choice = await deps.showSaveDialog({ defaultPath: suggestedName, filters: saveFiltersFor(suggestedName) });
    return choice.canceled || !choice.filePath ? null : choice.filePath;
  };

  return {
    async saveFile({ suggestedName, data }) {
      const location = await askWhere(suggestedName);
      if (location === null) return { saved: false };
      // Errors (disk full, read-only folder) reject the call so the renderer can tell the user.
      await deps.writeFile(location, data);
      return { saved: true, location };
    },

    async printToPdf({ suggestedName, pageSize }) {
      // Ask first: a cancelled dialog costs no rendering.
      const location = await askWhere(suggestedName);
      if (location === null) return { saved: false };
      const pdf = await deps.printToPdf({ pageSize: pageSize ?? 'A4' });
      await deps.writeFile(location, pdf);
      return { saved: true, location };
    },

    async notify({ title, body }) {
      deps.showNotification({ title, body });
    },

    async copyText(text) {
      deps.writeClipboardText(text);
    },

    async openExternal(url) {
      // The contract already demands http(s); this also refuses credentials in the
      // URL and hands the OS the normalized href that was checked.
      const href = safeExternalHref(url);
      if (href === null) throw new Error('Refused to open the link: only plain http(s) links without credentials can be opened.');
      await deps.openExternal(href);
    },

    async appInfo() {
      return { kind: 'electron', version: deps.getVersion() };
    },

    hostLan: (options) => deps.lan.host(options),
    stopLan: () => deps.lan.stop(),
    lanStatus: async () => deps.lan.status(),
    async discoverLan({ timeoutMs }) {
      return { available: true, hosts: await deps.lan.discover(timeoutMs) };
    },

    async setThemeSource(source) {
      deps.setThemeSource(source);
    },
  } satisfies PlatformInvokeApi;
}
