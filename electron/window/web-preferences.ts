import type { WebPreferences } from 'electron';

/**
 * The renderer's webPreferences, following Electron's security checklist.
 * Most of these are already Electron's defaults; they are spelled out so that
 * a default changing upstream, or someone "temporarily" flipping one, shows up
 * in review and fails web-preferences.test.ts.
 */
export function createWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    // The preload runs in its own JS world: page scripts cannot reach its objects or prototypes.
    contextIsolation: true,
    // The renderer process runs in Chromium's OS sandbox; the preload can only require 'electron'.
    sandbox: true,
    // No Node.js in the page, its workers or its frames: an XSS must not become code execution.
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    // Keep same-origin policy and never load http content into the app's secure origin.
    webSecurity: true,
    allowRunningInsecureContent: false,
    // <webview> would embed arbitrary guest pages with their own preferences.
    webviewTag: false,
    // Experimental Blink features widen the attack surface for no user benefit.
    experimentalFeatures: false,
    // Scribes type all incident long; a spell checker is worth having.
    spellcheck: true,
  };
}
