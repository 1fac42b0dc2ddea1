import { test, expect, type Page } from '../support/fixtures';
import { addEntry, declareIncident, enterName, waitUntilSaved } from '../support/war-room-page';
import { addEntries, appQuery, incidentIdOf } from '../support/p2p';

/*
 * A scribe at the end of a long timeline sees each new entry arrive; a
 * responder who scrolled back to read stays where they are.
 */
const entry = (page: Page, text: string) => page.getByTestId('timeline-entry').filter({ hasText: text });

test('the timeline follows new entries at the end, and holds still for a reader scrolled up', async ({ page }) => {
  await page.goto(appQuery({}));
  await enterName(page, 'Ada');
  await declareIncident(page, 'Follow along', 'SEV2');
  const id = incidentIdOf(page);
  await addEntries(page, id, 300, 'Backfill');
  await expect(entry(page, 'Backfill 299')).toBeInViewport();

  await addEntry(page, 'observation', 'Typed at the end');
  await expect(entry(page, 'Typed at the end')).toBeInViewport();

  // Scroll back to the start, as a reader catching up would.
  const list = page.getByTestId('timeline');
  await list.evaluate((el) => (el.scrollTop = 0));
  await expect(entry(page, 'Incident declared')).toBeInViewport();
  await addEntries(page, id, 1, 'Arrived while reading');
  await expect(entry(page, 'Incident declared')).toBeInViewport();
  // Stays put across frames, not just the first one.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await expect(entry(page, 'Incident declared')).toBeInViewport();
  await expect(entry(page, 'Arrived while reading 0')).not.toBeInViewport();

  // Back at the end, following resumes.
  await list.evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(entry(page, 'Arrived while reading 0')).toBeInViewport();
  await addEntry(page, 'action', 'Following again');
  await expect(entry(page, 'Following again')).toBeInViewport();
});

test('a long timeline opens at its newest entry, and tall entries keep it following', async ({ page }) => {
  await page.goto(appQuery({}));
  await enterName(page, 'Ada');
  await declareIncident(page, 'Reopen at the end', 'SEV3');
  const id = incidentIdOf(page);
  await addEntries(page, id, 300, 'Earlier');
  await waitUntilSaved(page);

  await page.reload();
  await expect(entry(page, 'Earlier 299')).toBeInViewport();

  // Entries far taller than a row's estimate (some taller than the list): it must still end at the newest.
  const list = page.getByTestId('timeline');
  const distanceFromEnd = () => list.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight);
  const tall = (n: number) => `Tall ${n}: ` + 'stack trace line that wraps across the narrow text column. '.repeat(30);
  await addEntries(page, id, 1, tall(1));
  await expect(entry(page, 'Tall 1:')).toBeInViewport();
  await expect.poll(distanceFromEnd).toBeLessThan(2);
  await addEntries(page, id, 1, tall(2));
  await expect(entry(page, 'Tall 2:')).toBeInViewport();
  await expect.poll(distanceFromEnd).toBeLessThan(2);
  await addEntry(page, 'note', 'Short one after the tall ones');
  await expect(entry(page, 'Short one after the tall ones')).toBeInViewport({ ratio: 0.9 });
});
