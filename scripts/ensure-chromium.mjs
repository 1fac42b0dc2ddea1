#!/usr/bin/env node
// Makes sure a Chromium exists before the end-to-end tests run: Debian's package
// through apt when we are root on Debian (as in CI), else Playwright's own build.
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

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
try {
  if (isRoot && existsSync('/etc/debian_version')) {
    run('apt-get update -qq');
    run('apt-get install -y -qq chromium');
  } else {
    run('npx playwright install chromium');
  }
} catch {
  // Fall through to the message below.
}

const after = await resolveChromium();
if (after) {
  console.log(`Chromium for end-to-end tests: ${after}`);
} else {
  console.error(
    'No Chromium found for the end-to-end tests. Install one, then run npm test again:\n' +
      (existsSync('/etc/debian_version') ? '  sudo apt-get install -y chromium\n' : '  npx playwright install chromium\n') +
      'or point CHROMIUM_PATH at an existing Chromium or Chrome binary.',
  );
  process.exit(1);
}
