import { test as base } from '@playwright/test';
import { throttleContext } from './slowdown';

export { expect, chromium, type Browser, type BrowserContext, type Page, type Locator } from '@playwright/test';

/** Playwright's test, with every page throttled when WARROOM_E2E_SLOWDOWN asks (see slowdown.ts). */
export const test = base.extend({
  context: async ({ context }, use) => {
    await throttleContext(context);
    await use(context);
  },
});
