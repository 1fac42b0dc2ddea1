/*
 * Electron main process: thin wiring of the tested modules beside it. Bundled
 * to dist/electron/main.cjs, so __dirname is dist/electron.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { app, BrowserWindow, ipcMain, protocol, session, shell } from 'electron';
import { electronPlatformDeps } from './ipc/electron-deps';
import { createPlatformHandlers } from './ipc/handlers';
import { registerIpc } from './ipc/register';
import { isTrustedSender } from './ipc/sender';
import { createAppProtocolHandler } from './protocol/app-protocol-handler';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES } from './protocol/app-scheme';
import { buildContentSecurityPolicy, withContentSecurityPolicy } from './security/content-security-policy';
import { isPermissionAllowed } from './security/permissions';
import { guardWebContents } from './window/guard-web-contents';
import { resolveStartTarget } from './window/start-target';
import { createWebPreferences } from './window/web-preferences';

const target = resolveStartTarget(process.env.WARROOM_DEV_URL);
const csp = buildContentSecurityPolicy();
const preloadPath = path.join(__dirname, 'preload.cjs');
const rendererRoot = path.join(__dirname, '..', 'renderer');

let mainWindow: BrowserWindow | null = null;

// Both must happen before 'ready'. enableSandbox covers any renderer, not only ours.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  // A second copy would open the same IndexedDB; the first one is focused instead.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  // Every webContents, present and future, is kept on the app's origin.
  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents, { appOrigin: target.origin, openExternal: (href) => shell.openExternal(href) });
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow();
  });
  app
    .whenReady()
    .then(onReady)
    .catch((error: unknown) => {
      console.error('Warroom failed to start:', error);
      app.exit(1);
    });
}

function onReady(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl, target.origin));
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) => isPermissionAllowed(permission, requestingOrigin, target.origin));
  // Covers http(s) responses (the dev server); app:// responses carry the CSP from the protocol handler.
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders, csp) });
  });
  protocol.handle(APP_SCHEME, createAppProtocolHandler({ root: rendererRoot, csp, readFile: (file) => readFile(file) }));
  registerIpc(ipcMain, createPlatformHandlers(electronPlatformDeps()), (event) => isTrustedSender(event, target.origin));
  createMainWindow();
}

function createMainWindow(): void {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 800,
    minHeight: 560,
    title: 'Warroom',
    backgroundColor: '#0f1115',
    // Shown once painted, so a slow disk does not flash a blank window.
    show: false,
    webPreferences: createWebPreferences(preloadPath),
  });
  mainWindow = window;
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  window.loadURL(target.url).catch((error: unknown) => console.error(`Could not load ${target.url}:`, error));
}
