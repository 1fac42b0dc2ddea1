import type { PlatformApi } from '../../shared/platform/contract';
import { safeExternalHref } from '../security/navigation';
import { saveFiltersFor, type FileFilter } from './save-filters';

/**
 * The Electron capabilities the platform API needs, injected so the handler map
 * runs in Node with fakes. main.ts wires them to dialog, fs, Notification,
 * clipboard, shell and app.
 */
export interface PlatformDeps {
  showSaveDialog(options: { defaultPath: string; filters: FileFilter[] }): Promise<{ canceled: boolean; filePath?: string }>;
  writeFile(filePath: string, data: string | Uint8Array): Promise<void>;
  showNotification(options: { title: string; body: string }): void;
  writeClipboardText(text: string): void;
  openExternal(url: string): Promise<void>;
  getVersion(): string;
}

/**
 * Main's side of the contract: one function per channel, each taking the
 * already-validated arguments (register.ts parses them). `satisfies PlatformApi`
 * makes a missing, extra or mistyped channel a compile error.
 */
export function createPlatformHandlers(deps: PlatformDeps): PlatformApi {
  return {
    async saveFile({ suggestedName, data }) {
      const choice = await deps.showSaveDialog({ defaultPath: suggestedName, filters: saveFiltersFor(suggestedName) });
      if (choice.canceled || !choice.filePath) return { saved: false };
      // Errors (disk full, read-only folder) reject the call so the renderer can tell the user.
      await deps.writeFile(choice.filePath, data);
      return { saved: true, location: choice.filePath };
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
  } satisfies PlatformApi;
}
