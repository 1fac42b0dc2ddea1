import { describe, expect, it } from 'vitest';
import { PLATFORM_CHANNELS } from '../../shared/platform/contract';
import { createPlatformHandlers, type PlatformDeps } from './handlers';

/** Fakes that record what the handlers asked Electron to do. */
function fakeDeps(overrides: Partial<PlatformDeps> = {}) {
  const calls: Array<[string, ...unknown[]]> = [];
  const deps: PlatformDeps = {
    async showSaveDialog(options) {
      calls.push(['showSaveDialog', options]);
      return { canceled: false, filePath: `/home/me/${options.defaultPath}` };
    },
    async writeFile(filePath, data) {
      calls.push(['writeFile', filePath, data]);
    },
    showNotification(options) {
      calls.push(['showNotification', options]);
    },
    writeClipboardText(text) {
      calls.push(['writeClipboardText', text]);
    },
    async openExternal(url) {
      calls.push(['openExternal', url]);
    },
    getVersion: () => '1.2.3',
    ...overrides,
  };
  return { deps, calls };
}

describe('createPlatformHandlers', () => {
  it('implements exactly the channels of the contract', () => {
    const { deps } = fakeDeps();
    expect(Object.keys(createPlatformHandlers(deps)).sort()).toEqual([...PLATFORM_CHANNELS].sort());
  });

  describe('saveFile', () => {
    it('asks where to save, then writes the data there', async () => {
      const { deps, calls } = fakeDeps();
      const bytes = new Uint8Array([1, 2, 3]);
      const result = await createPlatformHandlers(deps).saveFile({ suggestedName: 'inc.json', mimeType: 'application/json', data: bytes });
      expect(result).toEqual({ saved: true, location: '/home/me/inc.json' });
      expect(calls).toEqual([
        ['showSaveDialog', { defaultPath: 'inc.json', filters: [{ name: 'JSON file', extensions: ['json'] }, { name: 'All files', extensions: ['*'] }] }],
        ['writeFile', '/home/me/inc.json', bytes],
      ]);
    });

    it('writes nothing when the user cancels', async () => {
      const { deps, calls } = fakeDeps({ showSaveDialog: async () => ({ canceled: true, filePath: '' }) });
      const result = await createPlatformHandlers(deps).saveFile({ suggestedName: 'a.md', mimeType: 'text/markdown', data: '# x' });
      expect(result).toEqual({ saved: false });
      expect(calls.some(([name]) => name === 'writeFile')).toBe(false);
    });

    it('treats a dialog without a path as cancelled', async () => {
      const { deps } = fakeDeps({ showSaveDialog: async () => ({ canceled: false }) });
      await expect(createPlatformHandlers(deps).saveFile({ suggestedName: 'a.md', mimeType: 'text/markdown', data: '' })).resolves.toEqual({
        saved: false,
      });
    });

    it('rejects when the write fails, so the user hears about it', async () => {
      const { deps } = fakeDeps({
        writeFile: async () => {
          throw new Error('ENOSPC: no space left on device');
        },
      });
      await expect(createPlatformHandlers(deps).saveFile({ suggestedName: 'a.md', mimeType: 'text/markdown', data: 'x' })).rejects.toThrow(
        /ENOSPC/,
      );
    });
  });

  it('notify shows a notification with the title and body', async () => {
    const { deps, calls } = fakeDeps();
    await createPlatformHandlers(deps).notify({ title: 'Update due', body: 'Stakeholders have not heard from us in 30 min' });
    expect(calls).toEqual([['showNotification', { title: 'Update due', body: 'Stakeholders have not heard from us in 30 min' }]]);
  });

  it('copyText writes the text to the clipboard', async () => {
    const { deps, calls } = fakeDeps();
    await createPlatformHandlers(deps).copyText('warroom:v1:abc');
    expect(calls).toEqual([['writeClipboardText', 'warroom:v1:abc']]);
  });

  describe('openExternal', () => {
    it('opens the normalized http(s) link', async () => {
      const { deps, calls } = fakeDeps();
      await createPlatformHandlers(deps).openExternal('HTTPS://Status.Example.com/x');
      expect(calls).toEqual([['openExternal', 'https://status.example.com/x']]);
    });

    it.each(['https://user:pw@example.com/', 'file:///etc/passwd', 'javascript:alert(1)'])('refuses %s without calling the shell', async (url) => {
      const { deps, calls } = fakeDeps();
      await expect(createPlatformHandlers(deps).openExternal(url)).rejects.toThrow(/only plain http\(s\) links/);
      expect(calls).toEqual([]);
    });
  });

  it('appInfo reports Electron and the app version', async () => {
    const { deps } = fakeDeps();
    await expect(createPlatformHandlers(deps).appInfo()).resolves.toEqual({ kind: 'electron', version: '1.2.3' });
  });
});
