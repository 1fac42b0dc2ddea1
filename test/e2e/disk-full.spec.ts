import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, openSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, type Page } from '../support/fixtures';
import { addEntry, declareIncident, enterName, expectAuthoredTexts, waitUntilSaved } from '../support/war-room-page';
import { launchKillable } from '../support/killable-browser';

/*
 * R9, disk full, for real: the browser profile lives on a small tmpfs that the
 * test fills to the last byte (CDP's quota override is not enforced for
 * IndexedDB in this Chromium, so nothing else makes IndexedDB refuse a write
 * the way a full disk does). The person is told the disk is full, in words;
 * the text is not put back into the entry box (Enter would add it twice);
 * once space is freed the write goes through by itself, and after a reload the
 * entry is there exactly once.
 */

const TMPFS_MB = 96;

/** Mounts a tmpfs (root only: the test machine and CI run as root); null when this machine refuses. */
const mountTmpfs = (): string | null => {
  const dir = mkdtempSync(join(tmpdir(), 'warroom-fullfs-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${TMPFS_MB}m`, 'tmpfs', dir], { stdio: 'pipe' });
    return dir;
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
};

/** Unmounts it even while something still holds a file there (a crash reporter's last write): lazily, then. */
const unmount = (dir: string): void => {
  try {
    execFileSync('umount', [dir], { stdio: 'pipe' });
  } catch {
    execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
  }
  rmSync(dir, { recursive: true, force: true });
};

/** Writes zeros until the file system refuses: ENOSPC. */
const fillDisk = (file: string): void => {
  const fd = openSync(file, 'w');
  const chunk = Buffer.alloc(64 * 1024);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
  }
  // Then the last, smaller pieces, so not even a page is left.
  for (const size of [4096, 512, 1]) {
    try {
      for (;;) writeSync(fd, Buffer.alloc(size));
    } catch {
      // Full at this size.
    }
  }
  closeSync(fd);
};

const entryBox = (page: Page) => page.getByTestId('capture-input');

test('a full disk: the person is told in words, nothing is duplicated, and the entry is saved once space is freed', async ({ baseURL }) => {
  const mount = mountTmpfs();
  test.skip(mount === null, 'this machine refuses to mount a tmpfs (needs root)');
  const profile = join(mount!, 'profile');
  const filler = join(mount!, 'filler');
  const browser = await launchKillable(profile);
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.goto(new URL('/', baseURL).href);
    await enterName(page, 'Ada');
    await declareIncident(page, 'Disk full', 'SEV2');
    await addEntry(page, 'observation', 'saved before the disk filled');
    await waitUntilSaved(page);

    fillDisk(filler);
    // A small write can still land in a page the database file already has: write until one is refused.
    const state = page.getByTestId('save-state');
    const texts = ['saved before the disk filled'];
    for (let i = 0; i < 60; i++) {
      texts.push(`typed on a full disk ${i} ${'x'.repeat(1500)}`);
      await addEntry(page, 'observation', texts.at(-1)!);
      await expect(state).not.toHaveAttribute('data-state', 'saving');
      if ((await state.getAttribute('data-state')) === 'error') break;
    }
    await expect(state).toHaveAttribute('data-state', 'error');
    await expect(state).toContainText(/could not write to the disk, most often because it is full|The disk or browser storage is full/);
    await expect(state).not.toContainText('AbortError');
    // Every entry is on screen once, and the box did not get the text back.
    await expectAuthoredTexts(page, texts);
    await expect(entryBox(page)).toHaveValue('');

    rmSync(filler);
    await expect(state).toHaveAttribute('data-state', 'saved');
    await page.reload();
    await expectAuthoredTexts(page, texts);
  } finally {
    await browser.close();
    unmount(mount!);
  }
});
