/**
 * The pane's secondary commands are entries of the toolbar's « Plus d’actions » menu (issue 14):
 * the Chromium tests open it as a user would, then click the entry.
 */
import type { Page } from 'playwright-core';

/** Choose a command of the pane: open « Plus d’actions » (if it is not open), click the entry. */
export async function paneCommand(page: Page, name: string): Promise<void> {
  const pane = page.getByTestId('pane');
  const trigger = pane.getByRole('button', { name: 'Plus d’actions', exact: true });
  if ((await trigger.getAttribute('aria-expanded')) !== 'true') await trigger.click();
  await page.getByRole('menu').getByRole('menuitem', { name, exact: true }).click();
}
