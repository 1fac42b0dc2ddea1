import { expect, type Page } from '@playwright/test';

/** Steps a person takes in the UI, shared by the end-to-end suites. */

export const enterName = async (page: Page, name: string): Promise<void> => {
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Continue' }).click();
};

export const declareIncident = async (page: Page, title: string, severity: string): Promise<void> => {
  await page.getByRole('banner').getByRole('button', { name: 'Declare incident' }).click();
  const dialog = page.getByRole('dialog', { name: 'Declare incident' });
  await dialog.getByLabel('Title').fill(title);
  await dialog.getByRole('radio', { name: new RegExp(severity) }).check();
  await dialog.getByRole('button', { name: 'Declare' }).click();
  await expect(page.getByTestId('incident-title')).toHaveText(title);
};

const KIND_KEYS: Record<string, string> = {
  observation: 'O',
  action: 'A',
  decision: 'D',
  status: 'S',
  comms: 'C',
  note: 'N',
};

/** Type an entry from the keyboard alone: Alt+letter for the kind, Enter to commit. */
export const addEntry = async (page: Page, kind: string, text: string): Promise<void> => {
  const input = page.getByTestId('capture-input');
  await input.focus();
  await page.keyboard.press(`Alt+Key${KIND_KEYS[kind]}`);
  await expect(input).toHaveAttribute('data-kind', kind);
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await expect(input).toHaveValue('');
};

export const waitUntilSaved = async (page: Page): Promise<void> => {
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
};

/** The authored entries (system entries such as "declared" left out), in display order; retries until they match. */
export const expectAuthoredTexts = async (page: Page, texts: string[]): Promise<void> => {
  await expect(page.getByTestId('incident-title')).toBeVisible();
  await expect(
    page.locator(
      '[data-testid="timeline-entry"]:is([data-kind="observation"],[data-kind="action"],[data-kind="decision"],[data-kind="status"],[data-kind="comms"],[data-kind="note"]) .entry-text',
    ),
  ).toHaveText(texts);
};
