import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { app, BrowserWindow, clipboard, dialog, nativeTheme, Notification, shell } from 'electron';
import type { LanDeps, PlatformDeps } from './handlers';

/**
 * The real Electron capabilities behind the platform handlers. Deliberately
 * logic-free glue (it cannot run outside Electron); decisions live in handlers.ts.
 */
export function electronPlatformDeps(appWindow: () => BrowserWindow | null, lan: LanDeps): PlatformDeps {
  return {
    showSaveDialog(options) {
      // Start in Downloads, like the browser build's download does.
      const withFolder = { ...options, defaultPath: path.join(app.getPath('downloads'), options.defaultPath) };
      // Modal to the app window when there is one, so the dialog cannot hide behind it.
      const parent = BrowserWindow.getFocusedWindow() ?? appWindow();
      return parent ? dialog.showSaveDialog(parent, withFolder) : dialog.showSaveDialog(withFolder);
    },
    writeFile: (filePath, data) => writeFile(filePath, data),
    async printToPdf({ pageSize }) {
      const window = appWindow();
      if (!window) throw new Error('There is no window to print.');
      // Backgrounds on: the page's print styles decide what a PDF looks like, not Chromium's default of dropping them.
      return window.webContents.printToPDF({ pageSize, printBackground: true });
    },
    showNotification({ title, body }) {
      if (Notification.isSupported()) new Notification({ title, body }).show();
    },
    writeClipboardText: (text) => clipboard.writeText(text),
    openExternal: (url) => shell.openExternal(url),
    getVersion: () => app.getVersion(),
    setThemeSource(source) {
      nativeTheme.themeSource = source;
    },
    lan,
  };
}
