import { describe, expect, it } from 'vitest';
import { createWebPreferences } from './web-preferences';

const prefs = createWebPreferences('/app/dist/electron/preload.cjs');

describe('createWebPreferences', () => {
  it('uses the given preload path', () => {
    expect(prefs.preload).toBe('/app/dist/electron/preload.cjs');
  });

  it('isolates the preload context', () => expect(prefs.contextIsolation).toBe(true));
  it('sandboxes the renderer', () => expect(prefs.sandbox).toBe(true));
  it('disables Node integration', () => expect(prefs.nodeIntegration).toBe(false));
  it('disables Node integration in workers', () => expect(prefs.nodeIntegrationInWorker).toBe(false));
  it('disables Node integration in sub-frames', () => expect(prefs.nodeIntegrationInSubFrames).toBe(false));
  it('keeps web security on', () => expect(prefs.webSecurity).toBe(true));
  it('refuses insecure content', () => expect(prefs.allowRunningInsecureContent).toBe(false));
  it('disables the <webview> tag', () => expect(prefs.webviewTag).toBe(false));
  it('disables experimental features', () => expect(prefs.experimentalFeatures).toBe(false));
  it('enables the spell checker', () => expect(prefs.spellcheck).toBe(true));

  it('sets nothing else, so a new (possibly insecure) option needs a test too', () => {
    expect(Object.keys(prefs).sort()).toEqual(
      [
        'allowRunningInsecureContent',
        'contextIsolation',
        'experimentalFeatures',
        'nodeIntegration',
        'nodeIntegrationInSubFrames',
        'nodeIntegrationInWorker',
        'preload',
        'sandbox',
        'spellcheck',
        'webSecurity',
        'webviewTag',
      ].sort(),
    );
  });
});
