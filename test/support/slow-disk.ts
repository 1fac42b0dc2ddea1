import { expect, type Page } from '@playwright/test';

/**
 * Hold the app's IndexedDB writes, as a slow or busy disk would: a readwrite
 * transaction on the document-update store is kept open by chaining requests,
 * so the app's own write transactions queue behind it. Resolves once the hold
 * is in place; the returned function lets the writes through.
 */
export const holdDiskWrites = async (page: Page): Promise<() => Promise<void>> => {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('warroom');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['docUpdates', 'incidents'], 'readwrite');
          const store = tx.objectStore('docUpdates');
          const w = window as unknown as { __releaseDisk?: () => void };
          let held = true;
          const spin = () => {
            if (held) store.count().onsuccess = spin;
          };
          spin();
          w.__releaseDisk = () => {
            held = false;
            tx.oncomplete = () => db.close();
          };
          resolve();
        };
      }),
  );
  return async () => {
    await page.evaluate(() => (window as unknown as { __releaseDisk: () => void }).__releaseDisk());
  };
};

/** The save indicator says the change is not on disk yet. */
export const expectSaving = async (page: Page): Promise<void> => {
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saving');
};
