import { expect, type Locator, type Page } from '@playwright/test';

/** A side pane of the war room by its label ("Roles", "Runbook", "Updates"). */
export const sidePane = (page: Page, label: string): Locator => page.getByRole('complementary', { name: 'Incident details' }).getByRole('region', { name: label });

/** A timeline entry of this kind whose text contains `text`, which must appear. */
export const expectTimelineEntry = async (page: Page, kind: string, text: string | RegExp): Promise<void> => {
  await expect(page.locator(`[data-testid="timeline-entry"][data-kind="${kind}"]`).filter({ hasText: text })).toHaveCount(1);
};

/** A role's action ("Take incident commander", "Hand off scribe"), from the role's "⋯" menu, by mouse. */
export const roleAction = async (roles: Locator, action: string): Promise<void> => {
  const role = action.replace(/^(Take|Assign|Hand off|Release) /, '');
  await roles.getByRole('button', { name: `${role.charAt(0).toUpperCase()}${role.slice(1)} actions` }).click();
  await roles.getByRole('menuitem', { name: action }).click();
};
