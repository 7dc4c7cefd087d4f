/**
 * The pane's secondary commands live in the toolbar's « Plus d’actions » menu (issue 14): tests
 * open it as a user would, then find the entry by its name. Found by id and within the menu only:
 * role queries over the whole pane (dozens of findings) are slow in jsdom.
 */
import { fireEvent, waitFor, within } from '@testing-library/react';

/** The menu, opened by a click on « Plus d’actions » (#action-more) if it is not open yet. */
export async function openMenu(): Promise<HTMLElement> {
  const trigger = document.getElementById('action-more');
  if (!trigger) throw new Error('no « Plus d’actions » button');
  if (trigger.getAttribute('aria-expanded') !== 'true') fireEvent.click(trigger);
  let menu: HTMLElement | null = null;
  await waitFor(
    () => {
      menu = document.querySelector<HTMLElement>('[role="menu"]');
      if (!menu) throw new Error('the menu did not open');
    },
    { timeout: 5000 },
  );
  return menu!;
}

/** An entry of the menu (the menu opened first). */
export async function command(name: string | RegExp): Promise<HTMLElement> {
  return within(await openMenu()).getByRole('menuitem', { name });
}

/** Choose an entry: open the menu, click it. */
export async function choose(name: string | RegExp): Promise<void> {
  fireEvent.click(await command(name));
}
