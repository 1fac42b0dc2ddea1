#!/usr/bin/env node
// Makes sure a Chromium exists before the end-to-end tests run. As root on
// Debian (as in CI) it installs Debian's chromium through apt; anywhere else it
// says what to install. It never downloads Playwright's own browser build:
// that needs a CDN the war room's machines may not reach, and the suites are
// tested against Debian's Chromium.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolveChromium } from './chromium-path.mjs';

const run = (cmd) => {
  console.log(`$ ${cmd}`);
  execSync(cmd, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
};

const found = await resolveChromium();
if (found) {
  console.log(`Chromium for end-to-end tests: ${found}`);
  process.exit(0);
}
if (process.env.CHROMIUM_PATH) {
  console.error(`CHROMIUM_PATH is set to ${process.env.CHROMIUM_PATH}, which does not exist.`);
  process.exit(1);
}

const debian = existsSync('/etc/debian_version');
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (debian && isRoot) {
  try {
    run('apt-get update -qq');
    run('apt-get install -y -qq --no-install-recommends chromium');
  } catch {
    // Fall through to the message below.
  }
}

const after = await resolveChromium();
if (after) {
  console.log(`Chromium for end-to-end tests: ${after}`);
} else {
  const install = debian
    ? '  sudo apt-get install -y chromium\n'
    : '  install Chromium or Google Chrome with your system package manager (brew install --cask chromium, winget install Google.Chrome)\n';
  console.error(`No Chromium found for the end-to-end tests. Install one, then run npm test again:\n${install}or point CHROMIUM_PATH at an existing Chromium or Chrome binary.`);
  process.exit(1);
}
