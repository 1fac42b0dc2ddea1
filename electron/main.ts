/*
 * Electron main process: thin wiring of the tested modules beside it. Bundled
 * to dist/electron/main.cjs, so __dirname is dist/electron.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { app, BrowserWindow, crashReporter, ipcMain, Menu, Notification, protocol, screen, session, shell } from 'electron';
import log from 'electron-log/main';
import { autoUpdater } from 'electron-updater';
import { eventChannel } from '../shared/platform/channels';
import { findDeepLink, parseDeepLink, DEEP_LINK_SCHEME } from './deeplink/parse-deep-link';
import { PendingInvites } from './deeplink/pending-invites';
import { electronPlatformDeps } from './ipc/electron-deps';
import { createPlatformHandlers } from './ipc/handlers';
import { registerIpc } from './ipc/register';
import { isTrustedSender } from './ipc/sender';
import { LanController } from './lan/lan-controller';
import { startLanHost } from './lan/lan-host';
import { lanPortMemory } from './lan/lan-port-memory';
import { advertise, discover } from './lan/mdns';
import { configureLog, crashDumpsDirOf, logsDirOf } from './logging/log-setup';
import { buildAppMenuTemplate } from './menu/app-menu';
import { checkForUpdate, describeDecision } from './updates/update-check';
import { parseUpdateSettings, UPDATE_SETTINGS_FILE } from './updates/update-settings';
import { createAppProtocolHandler } from './protocol/app-protocol-handler';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES } from './protocol/app-scheme';
import { buildContentSecurityPolicy, withContentSecurityPolicy } from './security/content-security-policy';
import { isPermissionAllowed } from './security/permissions';
import { guardWebContents } from './window/guard-web-contents';
import { resolveStartTarget } from './window/start-target';
import { createWebPreferences } from './window/web-preferences';
import { windowIconPath } from './window/window-icon';
import { loadWindowState, placeWindow, saveWindowState } from './window/window-state';
import { keepWindowState } from './window/window-state-keeper';

const target = resolveStartTarget(process.env.WARROOM_DEV_URL);
const csp = buildContentSecurityPolicy();
const preloadPath = path.join(__dirname, 'preload.cjs');
const rendererRoot = path.join(__dirname, '..', 'renderer');
const userData = app.getPath('userData');

// First, so a crash during start-up is kept too. Dumps stay on this machine: nothing is uploaded.
app.setPath('crashDumps', crashDumpsDirOf(userData));
crashReporter.start({ uploadToServer: false });
const logFile = configureLog(log, { logsDir: logsDirOf(userData) });
const logLine = (message: string): void => log.info(message);
logLine(`Warroom ${app.getVersion()} starting (Electron ${process.versions.electron}, ${process.platform})`);

let mainWindow: BrowserWindow | null = null;
const sendToRenderer = (channel: string, payload: unknown): void => {
  if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(channel, payload);
};
const invites = new PendingInvites((invite) => sendToRenderer(eventChannel('openInvite'), invite));

const lan = new LanController({
  // 0.0.0.0: every LAN interface (Wi-Fi, Ethernet, VPN); the renderer lists one URL per address.
  start: ({ displayName, port }) =>
    startLanHost({
      host: '0.0.0.0',
      port,
      rendererRoot,
      csp,
      displayName,
      readFile: (file) => readFile(file),
      advertise: (info) => advertise({ ...info, version: app.getVersion(), log: logLine }),
      log: logLine,
    }),
  discover: (options) => discover({ ...options, log: logLine }),
  // The same port after a restart: browsers keep a responder's incidents per origin, port included.
  ...lanPortMemory(path.join(userData, 'lan-host.json')),
});

// Both must happen before 'ready'. enableSandbox covers any renderer, not only ours.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  // A second copy would open the same IndexedDB; it hands its deep link (argv) to the first one and quits.
  app.quit();
} else {
  // In development Electron runs as `electron .`, so the OS must be told how to start us.
  if (process.defaultApp) app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME, process.execPath, [path.resolve(process.argv[1] ?? '.')]);
  else app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);
  offerInvite(findDeepLink(process.argv)?.invite);

  app.on('second-instance', (_event, argv) => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.show();
      mainWindow.focus();
    }
    offerInvite(findDeepLink(argv)?.invite);
  });
  // macOS hands links over by event, possibly before 'ready'.
  app.on('open-url', (event, url) => {
    event.preventDefault();
    offerInvite(parseDeepLink(url)?.invite);
  });
  // Every webContents, present and future, is kept on the app's origin.
  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents, { appOrigin: target.origin, openExternal: (href) => shell.openExternal(href) });
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void createMainWindow();
  });
  let lanStopped = false;
  app.on('will-quit', (event) => {
    // Withdraw the mDNS advert and free the port before exiting; quit again once done.
    if (lanStopped || lan.status().state !== 'hosting') return;
    event.preventDefault();
    lanStopped = true;
    void lan.stop().finally(() => app.quit());
  });
  app
    .whenReady()
    .then(onReady)
    .catch((error: unknown) => {
      log.error('Warroom failed to start:', error);
      app.exit(1);
    });
}

function offerInvite(invite: string | undefined): void {
  if (invite !== undefined) invites.offer(invite);
}

async function onReady(): Promise<void> {
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
  registerIpc(ipcMain, createPlatformHandlers(electronPlatformDeps(() => mainWindow, lan)), (event) => isTrustedSender(event, target.origin));
  const menu = buildAppMenuTemplate({
    platform: process.platform,
    appName: app.name,
    isPackaged: app.isPackaged,
    send: (command) => sendToRenderer(eventChannel('command'), command),
    showLogs: () => shell.showItemInFolder(logFile),
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(menu));
  await createMainWindow();
  void updateIfOffered().catch((error: unknown) => log.warn('Update failed:', error));
}

/** Off unless updates.json names a feed (see updates/update-settings.ts); a found update installs when the app quits. */
async function updateIfOffered(): Promise<void> {
  const text = await readFile(path.join(userData, UPDATE_SETTINGS_FILE), 'utf8').catch(() => null);
  const { settings, problem } = parseUpdateSettings(text);
  if (problem) log.warn(problem);
  autoUpdater.logger = log;
  const decision = await checkForUpdate(autoUpdater, settings, { isPackaged: app.isPackaged });
  logLine(describeDecision(decision));
  if (decision.kind !== 'available') return;
  // Never a restart in the middle of an incident: the new version is installed on the next quit.
  autoUpdater.autoInstallOnAppQuit = true;
  await autoUpdater.downloadUpdate();
  if (Notification.isSupported()) {
    new Notification({ title: 'Warroom update ready', body: `Version ${decision.version} will be installed when you quit Warroom.` }).show();
  }
}

async function createMainWindow(): Promise<void> {
  const stateFile = path.join(userData, 'window-state.json');
  const placement = placeWindow(
    await loadWindowState(stateFile),
    screen.getAllDisplays().map((d) => d.workArea),
    screen.getPrimaryDisplay().workArea,
  );
  const window = new BrowserWindow({
    x: placement.x,
    y: placement.y,
    width: placement.width,
    height: placement.height,
    minWidth: 800,
    minHeight: 560,
    title: 'Warroom',
    icon: windowIconPath(path.join(__dirname, '..', '..')),
    backgroundColor: '#0f1115',
    // Shown once painted, so a slow disk does not flash a blank window.
    show: false,
    // The three that matter most, spelled out here too, where Electronegativity looks (it does not
    // follow the call); createWebPreferences holds them all, and web-preferences.test.ts checks them.
    webPreferences: { ...createWebPreferences(preloadPath), contextIsolation: true, sandbox: true, nodeIntegration: false },
  });
  mainWindow = window;
  if (placement.maximized) window.maximize();
  keepWindowState(window, { save: (state) => void saveWindowState(stateFile, state).catch((e: unknown) => logLine(`Could not save the window state: ${String(e)}`)) });
  // Deep links wait while the page (re)loads; the preload queues what arrives before the page subscribes.
  window.webContents.on('did-start-loading', () => invites.rendererGone());
  window.webContents.on('did-finish-load', () => invites.rendererReady());
  window.webContents.on('render-process-gone', () => invites.rendererGone());
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
    invites.rendererGone();
  });
  window.loadURL(target.url).catch((error: unknown) => log.error(`Could not load ${target.url}:`, error));
}
