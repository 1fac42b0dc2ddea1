import { expect, type Locator, type Page } from '@playwright/test';

/** A side pane of the war room by its label ("Roles", "Runbook", "Updates"). */
export const sidePane = (page: Page, label: string): Locator => page.getByRole('complementary', { name: 'Incident details' }).getByRole('region', { name: label });

/** A timeline entry of this kind whose text contains `text`, which must appear. */
export const expectTimelineEntry = async (page: Page, kind: string, text: string | RegExp): Promise<void> => {
  await expect(page.locator(`[data-testid="timeline-entry"][data-kind="${kind}"]`).filter({ hasText: text })).toHaveCount(1);
};
