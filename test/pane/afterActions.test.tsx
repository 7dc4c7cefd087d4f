/** @jest-environment jsdom */
/**
 * The pane after its own actions (issue 14): it shows the sheet as it now is. « Effacer les
 * marques » removes marks only and the pane checks again; « Retirer les imputations complétées »
 * lists exactly what it will empty before doing it, then the pane checks again and « Compléter les
 * imputations » is offered again. Commands with nothing to do are disabled, saying why; one
 * primary action, the switch above what it turns off, icons with words.
 */
import '@testing-library/jest-dom';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import App from '../../src/taskpane/components/App';
import { CheckOutcome } from '../../src/office/service';
import { annexOutcome, sampleReport, stubService } from './stub';
import { choose, command } from './menu';

const CODE = '0304 50 19 19 07 - Garantie d’activité et insertion des BRSA';

function renderPane(service: ReturnType<typeof stubService>) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App service={service} lang="fr" />
    </FluentProvider>,
  );
}

const notes = () => screen.queryAllByTestId('note').map((n) => n.textContent ?? '');

/** The pane has finished its action (and the check after it). */
const idle = () => waitFor(() => expect(screen.getByRole('main')).toHaveAttribute('aria-busy', 'false'));

/** A sheet the stub changes as the service would: marks and filled codes on it, counted by check. */
function sheet(initial: { marked: number; filled: number; withFills: boolean }) {
  const state = { ...initial };
  const outcome = (): CheckOutcome => {
    const report = state.withFills ? sampleReport('fr', { themeCells: 'firstRow' }) : sampleReport('fr');
    return annexOutcome(report, { markedCells: state.marked, filledCodes: state.filled, hasMarks: state.marked + state.filled > 0 });
  };
  const service = stubService(outcome);
  service.mark.mockImplementation(async (o) => {
    state.marked = o.report?.findings.length ?? 0;
    return { ok: true, marked: state.marked, message: `${state.marked} cellules marquées.` };
  });
  return { state, service };
}

it('« Effacer les marques »: marks only, then the pane checks again and shows there is nothing left to clear', async () => {
  const { state, service } = sheet({ marked: 0, filled: 1, withFills: false });
  service.clearMarks.mockImplementation(async () => {
    const n = state.marked;
    state.marked = 0;
    return { ok: true, cleared: n, message: `Marques retirées (${n} cellules).` };
  });
  renderPane(service);
  fireEvent.click(screen.getByRole('button', { name: 'Vérifier la feuille' }));
  await waitFor(() => expect(notes()).toContain('2 cellules marquées.'));
  await choose('Effacer les marques');
  await waitFor(() => expect(notes()).toContain('Marques retirées (2 cellules).'));
  expect(service.clearMarks).toHaveBeenCalledTimes(1);
  expect(service.clear).not.toHaveBeenCalled();
  expect(service.takeBackCodes).not.toHaveBeenCalled();
  // Checked again, without marking again.
  expect(service.check).toHaveBeenCalledTimes(2);
  expect(service.mark).toHaveBeenCalledTimes(1);
  await waitFor(() => expect(service.check).toHaveBeenCalledTimes(2));
  await idle();
  expect(await command('Effacer les marques')).toHaveAttribute('aria-disabled', 'true');
  expect(await command('Effacer les marques')).toHaveAccessibleDescription('Aucune marque sur la feuille.');
  // The filled code is still there to take back.
  expect(await command('Retirer les imputations complétées')).not.toHaveAttribute('aria-disabled');
});

it('« Retirer les imputations complétées » lists sheet!cell and code first, empties on confirmation only, then offers to fill again', async () => {
  const { state, service } = sheet({ marked: 0, filled: 1, withFills: false });
  service.previewTakeBack.mockResolvedValue({ ok: true, codes: [{ sheet: 'Annexe 9', cell: 'C24', code: CODE }], kept: ['C27'] });
  service.takeBackCodes.mockImplementation(async () => {
    state.filled = 0;
    state.withFills = true;
    return { ok: true, restored: 1, message: '1 imputation complétée par le complément retirée : la cellule est de nouveau vide. Les marques des anomalies restent.' };
  });
  renderPane(service);
  fireEvent.click(screen.getByRole('button', { name: 'Vérifier la feuille' }));
  await screen.findByRole('heading', { level: 2 });
  expect(await command('Compléter les imputations')).toHaveAttribute('aria-disabled', 'true');

  await choose('Retirer les imputations complétées');
  const confirm = await screen.findByTestId('take-back-confirm');
  expect(within(confirm).getByRole('heading', { name: 'Retirer 1 imputation complétée\u202f?' })).toHaveFocus();
  const rows = within(confirm).getAllByRole('row');
  expect(rows.map((r) => r.textContent)).toEqual(['CelluleImputation Chorus', `'Annexe 9'!C24${CODE}`]);
  expect(confirm).toHaveTextContent('Conservées car modifiées depuis : C27.');
  expect(service.takeBackCodes).not.toHaveBeenCalled();

  fireEvent.click(within(confirm).getByRole('button', { name: 'Annuler' }));
  expect(screen.queryByTestId('take-back-confirm')).not.toBeInTheDocument();
  expect(service.takeBackCodes).not.toHaveBeenCalled();

  await choose('Retirer les imputations complétées');
  fireEvent.click(within(await screen.findByTestId('take-back-confirm')).getByRole('button', { name: 'Vider 1 cellule' }));
  await waitFor(() => expect(notes()).toContain('1 imputation complétée par le complément retirée : la cellule est de nouveau vide. Les marques des anomalies restent.'));
  expect(service.takeBackCodes).toHaveBeenCalledTimes(1);
  expect(service.clearMarks).not.toHaveBeenCalled();
  // Checked again: the codes to fill are back, and so is the command.
  await waitFor(() => expect(service.check).toHaveBeenCalledTimes(2));
  await idle();
  expect(await command('Compléter les imputations')).not.toHaveAttribute('aria-disabled');
  expect(await command('Retirer les imputations complétées')).toHaveAttribute('aria-disabled', 'true');
});

it('with nothing filled by the add-in, taking back says so and opens no confirmation', async () => {
  const { service } = sheet({ marked: 0, filled: 2, withFills: false });
  service.previewTakeBack.mockResolvedValue({ ok: true, codes: [], kept: ['C24', 'C27'] });
  renderPane(service);
  fireEvent.click(screen.getByRole('button', { name: 'Vérifier la feuille' }));
  await screen.findByRole('heading', { level: 2 });
  await choose('Retirer les imputations complétées');
  await waitFor(() => expect(notes()).toContain('Conservées car modifiées depuis\u00a0: C24, C27.'));
  expect(screen.queryByTestId('take-back-confirm')).not.toBeInTheDocument();
  expect(service.takeBackCodes).not.toHaveBeenCalled();
});

it('one toolbar: the primary action and « Plus d’actions »; the switch comes before the commands it turns off; entries carry icons and words, no symbols', async () => {
  const { service } = sheet({ marked: 0, filled: 0, withFills: false });
  // A service that can read another sheet offers « Comparer avec… ».
  Object.assign(service, { readGrid: jest.fn() });
  renderPane(service);
  const toolbar = screen.getByRole('toolbar', { name: 'Actions sur la feuille active' });
  const buttons = within(toolbar).getAllByRole('button');
  expect(buttons.map((b) => b.textContent)).toEqual(['Vérifier la feuille', 'Actions']);
  expect(buttons[0]).toHaveAccessibleName('Vérifier la feuille');
  expect(buttons[1]).toHaveAccessibleName('Plus d’actions');
  expect(buttons[1]).toHaveAttribute('aria-haspopup', 'menu');
  expect(buttons[1]).not.toHaveAttribute('aria-expanded', 'true');
  expect(screen.getAllByRole('button', { name: 'Vérifier la feuille' })).toHaveLength(1);
  for (const b of buttons) expect(b.querySelector('svg')).not.toBeNull();
  const toggle = screen.getByRole('switch', { name: 'Relecture seule' });
  expect(toggle.compareDocumentPosition(toolbar) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  // Nothing else of the commands is on the pane until the menu opens.
  expect(screen.queryByRole('menuitem')).toBeNull();

  fireEvent.click(buttons[1]);
  const menu = await screen.findByRole('menu');
  expect(buttons[1]).toHaveAttribute('aria-expanded', 'true');
  const groups = within(menu).getAllByRole('group');
  expect(groups.map((g) => within(g).getAllByRole('menuitem').map((i) => i.textContent))).toEqual([
    ['Compléter les imputations', 'Insérer la synthèse'],
    ['Rapprocher avec la convention…', 'Comparer avec…'],
    ['Effacer les marques', 'Retirer les imputations complétées', 'Tout retirer…'],
  ]);
  for (const item of within(menu).getAllByRole('menuitem')) expect(item.querySelector('svg')).not.toBeNull();
  expect(menu.textContent).not.toMatch(/[Σ½²]/);
  // Before a check: nothing known yet; what needs a checked annex says so.
  expect(within(menu).getByRole('menuitem', { name: 'Compléter les imputations' })).toHaveAccessibleDescription('Vérifiez d’abord la feuille.');
  expect(within(menu).getByRole('menuitem', { name: 'Rapprocher avec la convention…' })).toHaveAttribute('aria-disabled', 'true');
  expect(within(menu).getByRole('menuitem', { name: 'Tout retirer…' })).not.toHaveAttribute('aria-disabled');
  // Escape closes it and gives the focus back to its button.
  fireEvent.keyDown(menu, { key: 'Escape' });
  await waitFor(() => expect(screen.queryByRole('menu')).toBeNull());
  expect(buttons[1]).toHaveFocus();
});
