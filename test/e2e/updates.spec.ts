import { test, expect, type Page } from '../support/fixtures';
import { declareIncident, enterName } from '../support/war-room-page';
import { expectTimelineEntry, sidePane } from '../support/side-panes';
import { expectNoSeriousA11yViolations } from '../support/axe-scoped';

const posted = (page: Page) => sidePane(page, 'Updates').getByTestId('posted-update');
const countdown = (page: Page) => sidePane(page, 'Updates').getByTestId('update-countdown');

const setStatus = async (page: Page, status: string) => {
  await page.getByTestId('incident-status').click();
  await page.getByRole('menu', { name: 'Status' }).getByRole('menuitemradio', { name: status }).click();
  await expect(page.getByTestId('incident-status')).toHaveText(status);
};

test('post an update from the template: it is listed, logged to the timeline and copied; the countdown restarts', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  await enterName(page, 'Ada');
  await declareIncident(page, 'Checkout errors in EU', 'SEV2');
  const updates = sidePane(page, 'Updates');

  await expect(countdown(page)).toHaveText(/^Next update due in (29:[0-5]\d|30:00) \(by \d\d:\d\d\)$/);
  await expect(updates.getByLabel('Template')).toHaveValue('investigating');
  const text = updates.getByLabel('Update text');
  await expect(text).toHaveValue(/^We are investigating an issue: Checkout errors in EU\. .*Next update by \d\d:\d\d UTC\.$/);
  await expect(posted(page)).toHaveCount(0);

  await text.fill('We are investigating failed card payments in the EU. Next update by 15:00 UTC.');
  await updates.getByRole('button', { name: 'Post and copy' }).click();
  await expect(posted(page)).toHaveCount(1);
  await expect(posted(page).first()).toHaveAttribute('data-status', 'investigating');
  await expect(posted(page).first()).toContainText('We are investigating failed card payments in the EU.');
  await expect(posted(page).first()).toContainText('Ada');
  await expectTimelineEntry(page, 'comms', 'Stakeholder update (investigating): We are investigating failed card payments in the EU.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('We are investigating failed card payments in the EU. Next update by 15:00 UTC.');
  // The composer goes back to the live template once posted.
  await expect(text).toHaveValue(/^We are investigating an issue/);
  await expect(countdown(page)).toHaveText(/^Next update due in (29:[0-5]\d|30:00)/);

  // A new status brings its template.
  await setStatus(page, 'identified');
  await expect(updates.getByLabel('Template')).toHaveValue('identified');
  await expect(text).toHaveValue(/^We have identified the cause of the issue: Checkout errors in EU\. .*working on a fix/);
  await expect(countdown(page)).toContainText('status changed since the last one');
  await updates.getByRole('button', { name: 'Post and copy' }).click();
  await expect(posted(page)).toHaveCount(2);
  await expect(posted(page).first()).toHaveAttribute('data-status', 'identified');
  await expectTimelineEntry(page, 'comms', /Stakeholder update \(identified\): We have identified/);
  await expectNoSeriousA11yViolations(page, 'section[aria-label="Updates"]');

  // Posted updates are in the document: they are still there after a reload.
  await page.reload();
  await expect(posted(page)).toHaveCount(2);
});

test('the countdown turns overdue and nudges once per due time', async ({ page }) => {
  // Record notifications instead of showing them.
  await page.addInitScript(() => {
    const shown: { title: string; body: string }[] = [];
    (window as unknown as { __notes: typeof shown }).__notes = shown;
    class FakeNotification {
      static permission = 'granted';
      static requestPermission = async () => 'granted';
      constructor(title: string, opts: { body: string }) {
        shown.push({ title, body: opts.body });
      }
    }
    (window as unknown as { Notification: unknown }).Notification = FakeNotification;
  });
  await page.clock.install();
  await page.goto('/');
  await enterName(page, 'Ada');
  await declareIncident(page, 'Payments down', 'SEV1');
  const notes = () => page.evaluate(() => (window as unknown as { __notes: { title: string; body: string }[] }).__notes);

  await expect(countdown(page)).toHaveText(/^Next update due in (19:[0-5]\d|20:00)/);
  expect(await notes()).toEqual([]);

  await page.clock.fastForward('21:00');
  await expect(countdown(page)).toHaveText(/^Update overdue by \d+:\d\d$/);
  await expect(countdown(page)).toHaveAttribute('data-tone', 'overdue');
  await expect.poll(notes).toEqual([{ title: 'Update due: Payments down', body: 'A stakeholder update is due (every 20 min).' }]);
  await expect(page.getByTestId('notice').filter({ hasText: 'A stakeholder update is due' })).toHaveCount(1);

  await page.clock.fastForward('05:00');
  await expect(countdown(page)).toHaveText(/^Update overdue by (5|6):\d\d$/);
  expect(await notes()).toHaveLength(1);

  await sidePane(page, 'Updates').getByRole('button', { name: 'Post and copy' }).click();
  await expect(posted(page)).toHaveCount(1);
  await expect(countdown(page)).toHaveText(/^Next update due in (19:[0-5]\d|20:00)/);
});

test('SEV4 updates go out on status change; SEV5 has none', async ({ page }) => {
  await page.goto('/');
  await enterName(page, 'Ada');
  await declareIncident(page, 'Internal wiki slow', 'SEV4');
  await expect(countdown(page)).toHaveText('Update due now: the status changed');
  await expect(sidePane(page, 'Updates').getByLabel('Update text')).toHaveValue(/We will post another update when the situation changes\.$/);
  await sidePane(page, 'Updates').getByRole('button', { name: 'Post and copy' }).click();
  await expect(countdown(page)).toHaveText('SEV4: next update when the status changes');

  await page.getByTestId('incident-severity').click();
  await page.getByRole('menu', { name: 'Severity' }).getByRole('menuitemradio', { name: 'SEV5' }).click();
  await expect(countdown(page)).toHaveText('No stakeholder updates at SEV5');
});
