import { test, expect, type Browser, type Page } from '../support/fixtures';
import { readFile } from 'node:fs/promises';
import { addEntry, declareIncident, enterName, expectAuthoredTexts, waitUntilSaved } from '../support/war-room-page';
import { throttleContext } from '../support/slowdown';
import { expectNoSeriousA11yViolations } from '../support/axe-scoped';

const TITLE = 'DB failover | EU';
const ENTRIES = [
  { kind: 'observation', text: 'Replica lag at 40s' },
  { kind: 'decision', text: 'Promote the standby' },
] as const;
const POSTMORTEM = 'Root cause: replica lag | under load.';

/** Click an export command and return the downloaded file. */
const exportFile = async (page: Page, command: string) => {
  await page.locator('.export-menu summary').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('group', { name: 'Export this incident' }).getByRole('button', { name: command }).click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: await readFile(path) };
};

const freshPage = async (browser: Browser, name: string) => {
  const context = await browser.newContext();
  await throttleContext(context);
  const page = await context.newPage();
  await page.goto('/');
  await enterName(page, name);
  await expect(page.getByText('No incidents on this device')).toBeVisible();
  return { context, page };
};

const importFile = (page: Page, file: { name: string; bytes: Buffer }, mimeType = 'application/octet-stream') =>
  page.getByLabel('Import incident').setInputFiles({ name: file.name, mimeType, buffer: file.bytes });

/** The imported incident opens with its timeline, postmortem and action item, and is still there after a reload. */
const expectSameIncident = async (page: Page) => {
  await expect(page.getByTestId('incident-title')).toContainText(TITLE);
  await expectAuthoredTexts(page, ENTRIES.map((e) => e.text));
  await waitUntilSaved(page);
  await page.reload();
  await expect(page.getByTestId('incident-title')).toContainText(TITLE);
  await expectAuthoredTexts(page, ENTRIES.map((e) => e.text));
  await page.getByRole('tab', { name: 'Postmortem' }).click();
  await expect(page.getByTestId('postmortem-editor')).toContainText(POSTMORTEM);
  await expect(page.getByRole('textbox', { name: 'Title of “Add replica lag alert”' })).toBeVisible();
  await expect(page.getByLabel('Owner of “Add replica lag alert”')).toHaveValue('Bob');
};

test('export Markdown, JSON and Yjs, then import JSON and Yjs into fresh profiles and see the same incident', async ({ page, browser }) => {
  test.slow(); // three browser profiles in one test
  await page.goto('/');
  await enterName(page, 'Ada');
  await declareIncident(page, TITLE, 'SEV2');
  for (const e of ENTRIES) await addEntry(page, e.kind, e.text);
  await page.getByRole('tab', { name: 'Postmortem' }).click();
  await page.getByTestId('postmortem-editor').click();
  await page.keyboard.type(POSTMORTEM);
  const form = page.getByRole('form', { name: 'Add action item' });
  await form.getByLabel('Action item').fill('Add replica lag alert');
  await form.getByLabel('Owner').fill('Bob');
  await form.getByLabel('Due').fill('2030-06-30');
  await form.getByRole('button', { name: 'Add action item' }).click();
  await expect(page.getByTestId('action-row')).toHaveCount(1);
  await waitUntilSaved(page);

  await page.locator('.export-menu summary').click();
  await expectNoSeriousA11yViolations(page, '.export-menu');
  await page.locator('.export-menu summary').click(); // closed again for exportFile

  const md = await exportFile(page, 'Markdown');
  expect(md.name).toMatch(/^\d{4}-\d\d-\d\d-db-failover-eu\.md$/);
  const text = md.bytes.toString('utf8');
  expect(text.startsWith('# DB failover \\| EU\n')).toBe(true);
  expect(text).toContain('| Time (UTC) | Kind | Author | Entry |');
  expect(text).toMatch(/\| \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \| decision \| Ada \| Promote the standby \|/);
  expect(text).toContain('Root cause: replica lag \\| under load.');
  expect(text).toContain('| Add replica lag alert | Bob | 2030-06-30 | P2 | prevent | open |');

  const json = await exportFile(page, 'JSON');
  expect(json.name).toMatch(/\.json$/);
  const data = JSON.parse(json.bytes.toString('utf8'));
  expect(data).toMatchObject({ format: 'warroom.incident', schemaVersion: 2, incident: { meta: { title: TITLE, severity: 'SEV2' } } });

  const yjs = await exportFile(page, 'Yjs update');
  expect(yjs.name).toMatch(/\.yjs$/);
  expect(yjs.bytes.length).toBeGreaterThan(100);

  const fromJson = await freshPage(browser, 'Grace');
  await importFile(fromJson.page, json, 'application/json');
  await expectSameIncident(fromJson.page);
  await fromJson.page.goto('/');
  await expect(fromJson.page.getByTestId('incident-row')).toHaveCount(1);
  await fromJson.context.close();

  const fromYjs = await freshPage(browser, 'Linus');
  await importFile(fromYjs.page, yjs);
  await expectSameIncident(fromYjs.page);
  // Importing the same Yjs file again merges into the incident: still one incident, no duplicated entries.
  await fromYjs.page.goto('/');
  await importFile(fromYjs.page, yjs);
  await expect(fromYjs.page.getByTestId('incident-title')).toContainText(TITLE);
  await expectAuthoredTexts(fromYjs.page, ENTRIES.map((e) => e.text));
  await fromYjs.context.close();
});

test('a corrupted or foreign file is refused with a clear message and creates nothing', async ({ browser }) => {
  const { context, page } = await freshPage(browser, 'Barbara');
  await expectNoSeriousA11yViolations(page, '.list-tools');
  const cases = [
    { name: 'incident.json', bytes: Buffer.from('{"format":"warroom.incident","schemaVersion":1,"incident":{"meta":'), message: /not valid JSON/ },
    { name: 'incident.json', bytes: Buffer.from(JSON.stringify({ format: 'warroom.incident', schemaVersion: 9 })), message: /newer Warroom/ },
    { name: 'incident.json', bytes: Buffer.from(JSON.stringify({ format: 'warroom.incident', schemaVersion: 1, exportedAt: 1, incident: {}, postmortem: { type: 'doc', content: [] } })), message: /the incident details: is missing/ },
    { name: 'incident.yjs', bytes: Buffer.from([1, 2, 250, 7, 0, 99, 4, 200, 13]), message: /Yjs|no Warroom incident|incomplete/ },
    { name: 'notes.txt', bytes: Buffer.from('just some notes'), message: /Yjs|no Warroom incident|incomplete/ },
  ];
  for (const c of cases) {
    await importFile(page, c);
    const error = page.getByTestId('import-error');
    await expect(error).toHaveText(c.message);
    await expect(error).toHaveText(/^Not imported: /);
    await expect(page.getByText('No incidents on this device')).toBeVisible();
  }
  await page.reload();
  await expect(page.getByText('No incidents on this device')).toBeVisible();
  const stored = await page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const req = indexedDB.open('warroom');
        req.onsuccess = () => {
          const tx = req.result.transaction(['incidents', 'docUpdates']);
          let n = 0;
          let pending = 2;
          for (const store of ['incidents', 'docUpdates']) {
            const count = tx.objectStore(store).count();
            count.onsuccess = () => {
              n += count.result;
              if (--pending === 0) resolve(n);
            };
          }
        };
        req.onerror = () => reject(req.error);
      }),
  );
  expect(stored).toBe(0);
  await context.close();
});

test('PDF goes through the print dialog with a print view of the whole record, experts included', async ({ page }) => {
  await page.goto('/');
  await enterName(page, 'Ada');
  await declareIncident(page, 'Print me | please', 'SEV3');
  await addEntry(page, 'decision', 'Print the timeline too');
  const roles = page.getByRole('complementary', { name: 'Incident details' }).getByRole('region', { name: 'Roles' });
  await roles.getByLabel("Expert's name").fill('Bob');
  await roles.getByLabel("Expert's area").fill('Kafka');
  await roles.getByRole('button', { name: 'Add expert' }).click();
  await expect(roles.getByTestId('expert-row')).toHaveCount(1);
  await page.getByRole('tab', { name: 'Postmortem' }).click();
  await page.getByTestId('postmortem-editor').click();
  await page.keyboard.type('What we learned.');
  await waitUntilSaved(page);
  await page.locator('.export-menu summary').click();
  await page.getByRole('group', { name: 'Export this incident' }).getByRole('button', { name: 'PDF (print)' }).click();

  const view = page.locator('body > .print-root');
  await expect(view).toBeHidden(); // on screen it never shows
  await page.emulateMedia({ media: 'print' });
  await expect(view).toBeVisible();
  await expect(view.locator('h1')).toHaveText('Print me | please');
  await expect(view).toContainText('What we learned.');
  await expect(view.locator('h2:text-is("Incident timeline (UTC)") + table')).toContainText('Print the timeline too');
  // The signatures, checked before printing: everything this device wrote verifies.
  await expect(view.locator('h2:text-is("Signatures") + p')).toHaveText(/^\d+ entries signed and verified\.$/);
  await expect(view).toContainText('Subject-matter expert (Kafka)Bob');
  await expect(page.getByTestId('incident-title')).toBeHidden();
});
