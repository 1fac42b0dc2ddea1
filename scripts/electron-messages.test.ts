import { describe, expect, it } from 'vitest';
import { desktopNodeProblem, downloadFailureMessage, firstErrorLine } from './electron-messages.mjs';

describe('the messages of npm start without Electron', () => {
  it('takes the error line out of a stack trace', () => {
    const stderr = 'TypeError: fetch failed\n    at node:internal/deps/undici/undici:13502:13\n    at async FetchDownloader.download (file:///x.js:46:30)\n';
    expect(firstErrorLine(stderr)).toBe('TypeError: fetch failed');
    expect(firstErrorLine('')).toBe('no reason given');
  });

  it('says the download failed, how to get it later and what to run instead, without a stack', () => {
    const text = downloadFailureMessage({ version: '42.1.0', reason: 'TypeError: fetch failed', node: null });
    expect(text).toMatch(/Electron 42\.1\.0 could not be downloaded \(offline\?\)/);
    expect(text).toMatch(/npm start again/);
    expect(text).toMatch(/npm run web/);
    expect(text.split('\n').length).toBeLessThanOrEqual(5);
    expect(text).not.toMatch(/^\s+at /m);
  });

  it('names the Node version the desktop tooling wants, only when this one is older', () => {
    expect(desktopNodeProblem('20.19.5')).toMatch(/Node 22\.12 or later/);
    expect(desktopNodeProblem('22.11.0')).toMatch(/22\.12/);
    expect(desktopNodeProblem('22.12.0')).toBeNull();
    expect(desktopNodeProblem('24.1.0')).toBeNull();
  });
});
