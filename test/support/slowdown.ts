import type { BrowserContext, Page } from '@playwright/test';

/**
 * WARROOM_E2E_SLOWDOWN=4 runs every page's main thread four times slower
 * (Chromium's CPU throttling, through the DevTools protocol). The suite must
 * hold on a loaded, slow machine; this is how to check that it does on a quiet
 * one. Unset or 1: no throttling.
 */
export const SLOWDOWN = Math.max(1, Number(process.env.WARROOM_E2E_SLOWDOWN ?? 1) || 1);

const throttled = new WeakSet<Page>();

export const throttlePage = async (page: Page): Promise<void> => {
  if (SLOWDOWN <= 1 || throttled.has(page)) return;
  throttled.add(page);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOWDOWN });
};

/** Throttle every page the context has and will open. */
export const throttleContext = async (context: BrowserContext): Promise<void> => {
  if (SLOWDOWN <= 1) return;
  context.on('page', (page) => void throttlePage(page).catch(() => undefined));
  await Promise.all(context.pages().map(throttlePage));
};
