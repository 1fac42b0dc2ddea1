#!/usr/bin/env node
// `npm start` runs this first. Electron 42 has no install step: its binary is
// downloaded on the first launch. When that download fails (no internet, a
// proxy), @electron/get dies with "TypeError: fetch failed" and a stack trace
// that names neither Electron nor a way out. This does the same download
// (Electron's own install.js), and on failure says in a few lines what happened
// and what to do instead, before a minute is spent building.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { desktopNodeProblem, downloadFailureMessage, firstErrorLine } from './electron-messages.mjs';

const require = createRequire(import.meta.url);
const electronDir = path.dirname(require.resolve('electron/package.json'));
const { version } = JSON.parse(readFileSync(path.join(electronDir, 'package.json'), 'utf8'));

/** What electron/index.js checks: path.txt names the executable, and it is there. */
const installed = () => {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return true;
  try {
    const executable = readFileSync(path.join(electronDir, 'path.txt'), 'utf8');
    return existsSync(path.join(electronDir, 'dist', executable));
  } catch {
    return false;
  }
};

if (!installed()) {
  console.log(`Downloading Electron ${version} (first start only)…`);
  const run = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (run.status !== 0 || !installed()) {
    console.error(downloadFailureMessage({ version, reason: firstErrorLine(`${run.stderr}\n${run.error?.message ?? ''}`), node: desktopNodeProblem(process.versions.node) }));
    process.exit(1);
  }
}
