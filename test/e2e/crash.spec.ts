import { test, expect, type Page } from '../support/fixtures';
import { addEntry, declareIncident, enterName, expectAuthoredTexts, waitUntilSaved } from '../support/war-room-page';
import { freshProfileDir } from '../support/browser';
import { launchKillable, type KillableBrowser } from '../support/killable-browser';
import { sidePane } from '../support/side-panes';
import { expectSaving, holdDiskWrites } from '../support/slow-disk';

/*
 * R3: a change the UI reported "Saved" survives the browser being SIGKILLed
 * (by its PID) right after. WARROOM_CRASH_ROUNDS rounds of each kind (10 in
 * npm test, 50 in npm run test:durability): a timeline entry, a runbook
 * check, an action item and postmortem text. Each round kills the browser and
 * the next one checks everything the earlier rounds saved.
 */

const ROUNDS = Number(process.env.WARROOM_CRASH_ROUNDS ?? 10);

interface Session {
  browser: KillableBrowser;
  page: Page;
}

const open = async (dir: string, url: string): Promise<Session> => {
  const browser = await launchKillable(dir);
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.goto(url);
  return { browser, page };
};

/** A fresh profile with a declared incident; returns the war room's address. */
const prepare = async (baseURL: string, title: string): Promise<{ dir: string; url: string }> => {
  const dir = freshProfileDir();
  const s = await open(dir, new URL('/', baseURL).href);
  await enterName(s.page, 'Ada');
  await declareIncident(s.page, title, 'SEV2');
  await waitUntilSaved(s.page);
  const url = s.page.url();
  await s.browser.close();
  return { dir, url };
};

/** Run `rounds` kill cycles: each makes change i, waits for "Saved", is killed; the next checks 0..i. */
const killRounds = async (baseURL: string, title: string, change: (page: Page, i: number) => Promise<void>, check: (page: Page, upTo: number) => Promise<void>) => {
  const { dir, url } = await prepare(baseURL, title);
  for (let i = 0; i < ROUNDS; i++) {
    const s = await open(dir, url);
    if (i > 0) await check(s.page, i - 1);
    await change(s.page, i);
    await waitUntilSaved(s.page);
    await s.browser.kill();
  }
  const last = await open(dir, url);
  await check(last.page, ROUNDS - 1);
  await last.browser.close();
};

test.describe('a change reported saved survives SIGKILL', () => {
  test.describe.configure({ timeout: 120_000 + ROUNDS * 60_000 });

  test('timeline entries', async ({ baseURL }) => {
    await killRounds(
      baseURL!,
      'Crash: entries',
      (page, i) => addEntry(page, 'observation', `entry ${i}`),
      (page, upTo) => expectAuthoredTexts(page, Array.from({ length: upTo + 1 }, (_, i) => `entry ${i}`)),
    );
  });

  test('runbook checks', async ({ baseURL }) => {
    const steps = (page: Page) => sidePane(page, 'Runbook').getByTestId('runbook-step');
    await killRounds(
      baseURL!,
      'Crash: runbook',
      async (page, i) => {
        const runbook = sidePane(page, 'Runbook');
        await runbook.getByLabel('New step').fill(`step ${i}`);
        await runbook.getByRole('button', { name: 'Add step' }).click();
        await runbook.getByRole('checkbox', { name: `step ${i}` }).check();
        await expect(steps(page).filter({ hasText: `step ${i}` })).toHaveAttribute('data-state', 'done');
      },
      async (page, upTo) => {
        for (let i = 0; i <= upTo; i++) await expect(steps(page).filter({ hasText: `step ${i}` })).toHaveAttribute('data-state', 'done');
      },
    );
  });

  test('action items', async ({ baseURL }) => {
    const rows = (page: Page) => page.getByTestId('action-row');
    await killRounds(
      baseURL!,
      'Crash: actions',
      async (page, i) => {
        await page.getByRole('tab', { name: 'Postmortem' }).click();
        const form = page.getByRole('form', { name: 'Add action item' });
        await form.getByLabel('Action item').fill(`action ${i}`);
        await form.getByLabel('Owner').fill('Bob');
        await form.getByLabel('Due').fill('2026-12-31');
        await form.getByRole('button', { name: 'Add action item' }).click();
        await expect(page.getByLabel(`Title of “action ${i}”`)).toHaveValue(`action ${i}`);
      },
      async (page, upTo) => {
        await page.getByRole('tab', { name: 'Postmortem' }).click();
        await expect(rows(page)).toHaveCount(upTo + 1);
        for (let i = 0; i <= upTo; i++) await expect(page.getByLabel(`Title of “action ${i}”`)).toHaveValue(`action ${i}`);
      },
    );
  });

  test('postmortem text: what is on screen at the first "Saved" is on disk', async ({ baseURL }) => {
    const editor = (page: Page) => page.getByTestId('postmortem-editor');
    let onScreen = '';
    await killRounds(
      baseURL!,
      'Crash: postmortem',
      async (page, i) => {
        await page.getByRole('tab', { name: 'Postmortem' }).click();
        await editor(page).click();
        await page.keyboard.press('Control+End');
        await page.keyboard.type(` round ${i} text`);
        await waitUntilSaved(page);
        onScreen = (await editor(page).textContent()) ?? '';
      },
      async (page) => {
        await page.getByRole('tab', { name: 'Postmortem' }).click();
        await expect(editor(page)).toBeVisible();
        expect(await editor(page).textContent()).toContain(onScreen.trim());
      },
    );
  });
});

test('killed before "Saved", the UI never claimed the change was saved', async ({ baseURL }) => {
  const { dir, url } = await prepare(baseURL!, 'Crash: not yet saved');
  const s = await open(dir, url);
  // The war room may still be loading (a slow machine): wait for the indicator before watching it.
  await expect(s.page.getByTestId('save-state')).toBeVisible();
  // Record every state the save indicator shows from now on.
  await s.page.evaluate(() => {
    const w = window as unknown as { __saveStates: string[] };
    w.__saveStates = [];
    const el = document.querySelector('[data-testid="save-state"]')!;
    new MutationObserver(() => w.__saveStates.push(document.querySelector('[data-testid="save-state"]')?.getAttribute('data-state') ?? '')).observe(el.parentElement!, { subtree: true, attributes: true, childList: true });
  });
  await holdDiskWrites(s.page);
  await addEntry(s.page, 'note', 'never confirmed');
  await expectSaving(s.page);
  const states = await s.page.evaluate(() => (window as unknown as { __saveStates: string[] }).__saveStates);
  expect(states).not.toContain('saved');
  await s.browser.kill();
  // Whether the entry made it or not, nothing said it had; what is there is readable.
  const after = await open(dir, url);
  await expect(after.page.getByTestId('incident-title')).toHaveText('Crash: not yet saved');
  await after.browser.close();
});
