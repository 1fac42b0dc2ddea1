import { describe, expect, it } from 'vitest';
import { PLATFORM_CHANNELS } from '../../shared/platform/contract';
import type { DiscoveredHost, LanHostStatus } from '../../shared/platform/lan';
import { createPlatformHandlers, type PlatformDeps } from './handlers';

const HOSTING: LanHostStatus = {
  state: 'hosting',
  name: 'Ada [beef]',
  port: 4444,
  pageUrls: ['http://192.168.1.20:4444/'],
  signalingUrls: ['ws://192.168.1.20:4444'],
  advertised: true,
};
const FOUND: DiscoveredHost = {
  id: 'Bob [cafe]._warroom._tcp.local',
  name: 'Bob',
  version: '0.1.0',
  port: 4444,
  addresses: ['192.168.1.21'],
  pageUrl: 'http://192.168.1.21:4444/',
  signalingUrl: 'ws://192.168.1.21:4444',
};

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
    async printToPdf(options) {
      calls.push(['printToPdf', options]);
      return new Uint8Array([0x25, 0x50, 0x44, 0x46]);
    },
    getVersion: () => '1.2.3',
    setThemeSource(source) {
      calls.push(['setThemeSource', source]);
    },
    lan: {
      host: async (options) => (calls.push(['lan.host', options]), HOSTING),
      stop: async () => (calls.push(['lan.stop']), { state: 'stopped' }),
      status: () => (calls.push(['lan.status']), HOSTING),
      discover: async (timeoutMs) => (calls.push(['lan.discover', timeoutMs]), [FOUND]),
    },
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

  describe('printToPdf', () => {
    it('asks where to save, renders the window to PDF and writes it there', async () => {
      const { deps, calls } = fakeDeps();
      const result = await createPlatformHandlers(deps).printToPdf({ suggestedName: 'inc-42.pdf', pageSize: 'Letter' });
      expect(result).toEqual({ saved: true, location: '/home/me/inc-42.pdf' });
      expect(calls).toEqual([
        ['showSaveDialog', { defaultPath: 'inc-42.pdf', filters: [{ name: 'PDF file', extensions: ['pdf'] }, { name: 'All files', extensions: ['*'] }] }],
        ['printToPdf', { pageSize: 'Letter' }],
        ['writeFile', '/home/me/inc-42.pdf', new Uint8Array([0x25, 0x50, 0x44, 0x46])],
      ]);
    });

    it('prints A4 unless told otherwise', async () => {
      const { deps, calls } = fakeDeps();
      await createPlatformHandlers(deps).printToPdf({ suggestedName: 'a.pdf' });
      expect(calls.find(([name]) => name === 'printToPdf')).toEqual(['printToPdf', { pageSize: 'A4' }]);
    });

    it('neither renders nor writes when the user cancels', async () => {
      const { deps, calls } = fakeDeps({ showSaveDialog: async () => ({ canceled: true }) });
      await expect(createPlatformHandlers(deps).printToPdf({ suggestedName: 'a.pdf' })).resolves.toEqual({ saved: false });
      expect(calls).toEqual([]);
    });

    it('rejects when rendering fails, writing nothing', async () => {
      const { deps, calls } = fakeDeps({
        printToPdf: async () => {
          throw new Error('Failed to generate PDF');
        },
      });
      await expect(createPlatformHandlers(deps).printToPdf({ suggestedName: 'a.pdf' })).rejects.toThrow(/Failed to generate PDF/);
      expect(calls.some(([name]) => name === 'writeFile')).toBe(false);
    });
  });

  describe('LAN', () => {
    it('hostLan, stopLan and lanStatus hand over to the LAN controller and return its status', async () => {
      const { deps, calls } = fakeDeps();
      const handlers = createPlatformHandlers(deps);
      await expect(handlers.hostLan({ displayName: 'Ada', port: 4444 })).resolves.toEqual(HOSTING);
      await expect(handlers.lanStatus()).resolves.toEqual(HOSTING);
      await expect(handlers.stopLan()).resolves.toEqual({ state: 'stopped' });
      expect(calls).toEqual([['lan.host', { displayName: 'Ada', port: 4444 }], ['lan.status'], ['lan.stop']]);
    });

    it('discoverLan browses for the given time and reports what it found', async () => {
      const { deps, calls } = fakeDeps();
      await expect(createPlatformHandlers(deps).discoverLan({ timeoutMs: 1500 })).resolves.toEqual({ available: true, hosts: [FOUND] });
      expect(calls).toEqual([['lan.discover', 1500]]);
    });
  });

  it('setThemeSource hands the choice to nativeTheme', async () => {
    const { deps, calls } = fakeDeps();
    await createPlatformHandlers(deps).setThemeSource('light');
    await createPlatformHandlers(deps).setThemeSource('system');
    expect(calls).toEqual([
      ['setThemeSource', 'light'],
      ['setThemeSource', 'system'],
    ]);
  });
});
