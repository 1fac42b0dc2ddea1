import { existsSync } from 'node:fs';

/**
 * Which Chromium the end-to-end tests drive: $CHROMIUM_PATH if set, else
 * Debian's /usr/bin/chromium, else Playwright's own download. Null when none.
 */
export const resolveChromium = async () => {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  try {
    const { chromium } = await import('@playwright/test');
    const own = chromium.executablePath();
    return own && existsSync(own) ? own : null;
  } catch {
    return null;
  }
};
