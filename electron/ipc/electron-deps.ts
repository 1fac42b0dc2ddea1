import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { app, BrowserWindow, clipboard, dialog, Notification, shell } from 'electron';
import type { PlatformDeps } from './handlers';

/**
 * The real Electron capabilities behind the platform handlers. Deliberately
 * logic-free glue (it cannot run outside Electron); decisions live in handlers.ts.
 */
export function electronPlatformDeps(): PlatformDeps {
  return {
    showSaveDialog(options) {
      // Start in Downloads, like the browser build's download does.
      const withFolder = { ...options, defaultPath: path.join(app.getPath('downloads'), options.defaultPath) };
      // Modal to the app window when there is one, so the dialog cannot hide behind it.
      const parent = BrowserWindow.getFocusedWindow();
      return parent ? dialog.showSaveDialog(parent, withFolder) : dialog.showSaveDialog(withFolder);
    },
    writeFile: (filePath, data) => writeFile(filePath, data),
    showNotification({ title, body }) {
      if (Notification.isSupported()) new Notification({ title, body }).show();
    },
    writeClipboardText: (text) => clipboard.writeText(text),
    openExternal: (url) => shell.openExternal(url),
    getVersion: () => app.getVersion(),
  };
}
