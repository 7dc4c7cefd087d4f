/** @jest-environment jsdom */
/**
 * « Tout retirer… » in the pane (issue 14), against a stub service: an entry of the « Plus
 * d’actions » menu, disabled (saying why) when the last check found nothing the add-in wrote; its
 * confirmation lists exactly what the service's preview found — marks, each code with its cell,
 * the sheets to delete, the convention figures — and what will be kept; cancelling does nothing;
 * confirming clears the checked sheet, then the pane checks it again without marking it.
 */
import '@testing-library/jest-dom';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import App from '../../src/taskpane/components/App';
import { CheckOutcome, ClearPreview } from '../../src/office/service';
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

/** A sheet the stub changes as the service would: everything written until « Tout retirer… » runs. */
function written() {
  const state = { cleared: false };
  const outcome = (): CheckOutcome =>
    state.cleared
      ? annexOutcome(sampleReport('fr', { themeCells: 'firstRow' }), { markedCells: 0, filledCodes: 0, recordKept: false, hasMarks: false })
      : annexOutcome(sampleReport('fr'), { markedCells: 2, filledCodes: 2, recordKept: true, hasMarks: true });
  const service = stubService(outcome);
  const preview: ClearPreview = {
    ok: true,
    sheet: 'Annexe 9',
    markedCells: 2,
    codes: [
      { sheet: 'Annexe 9', cell: 'C24', code: CODE },
      { sheet: 'Annexe 9', cell: 'C31', code: CODE },
    ],
    kept: ['C27'],
    convention: true,
    summaries: { deleted: ['Synthèse annexe 9'], kept: ['Synthèse annexe 9 (2)'] },
    comparisons: { deleted: ['Comparaison annexe 9'], kept: [] },
  };
  service.previewClear.mockResolvedValue(preview);
  service.clear.mockImplementation(async () => {
    state.cleared = true;
    return { ok: true, restored: 2, skipped: ['C27'], message: 'Marques retirées (2) et imputations ajoutées par le contrôle effacées (2). Feuille de synthèse supprimée : « Synthèse annexe 9 ».' };
  });
  return { state, service, preview };
}

async function check() {
  fireEvent.click(screen.getByRole('button', { name: 'Vérifier la feuille' }));
  await screen.findByRole('heading', { level: 2 });
  await waitFor(() => expect(screen.getByRole('main')).toHaveAttribute('aria-busy', 'false'));
}

it('lists exactly what the preview found, and what will be kept, before anything is removed', async () => {
  const { service } = written();
  renderPane(service);
  await check();
  const checked = service.check.mock.results[0].value as Promise<CheckOutcome>;
  await choose('Tout retirer…');
  const confirm = await screen.findByTestId('clear-all-confirm');
  // Asked about the sheet that was checked.
  expect(service.previewClear).toHaveBeenCalledWith('fr', await checked);
  expect(within(confirm).getByRole('heading', { name: 'Tout retirer pour la feuille «\u00a0Annexe 9\u00a0»\u202f?' })).toHaveFocus();
  const list = within(confirm).getByTestId('clear-all-list');
  const items = within(list)
    .getAllByRole('listitem')
    .map((li) => li.firstChild?.textContent);
  expect(items).toEqual([
    'Marques des anomalies (2 cellules)',
    'Imputations complétées, qui redeviendront vides (2)',
    'Feuille de synthèse «\u00a0Synthèse annexe 9\u00a0», supprimée',
    'Feuille de comparaison «\u00a0Comparaison annexe 9\u00a0», supprimée',
    'Montants de la convention enregistrés pour cette feuille',
  ]);
  expect(within(list).getAllByRole('row').map((r) => r.textContent)).toEqual(['CelluleImputation Chorus', `'Annexe 9'!C24${CODE}`, `'Annexe 9'!C31${CODE}`]);
  expect([...confirm.querySelectorAll('p')].map((p) => p.textContent).slice(1)).toEqual([
    'Conservées car modifiées depuis\u00a0: C27.',
    'Conservée, car modifiée ou renommée depuis l’insertion (ou protégée, ou très masquée)\u00a0: «\u00a0Synthèse annexe 9 (2)\u00a0».',
  ]);
  expect(within(confirm).getByRole('button', { name: 'Tout retirer' })).toBeInTheDocument();
  expect(service.clear).not.toHaveBeenCalled();
});

it('only what there is: no marks, no codes, no sheets → those lines are absent', async () => {
  const { service, preview } = written();
  service.previewClear.mockResolvedValue({ ...preview, markedCells: 0, codes: [], kept: [], convention: false, comparisons: { deleted: [], kept: [] }, summaries: { deleted: ['Synthèse annexe 9'], kept: [] } });
  renderPane(service);
  await check();
  await choose('Tout retirer…');
  const confirm = await screen.findByTestId('clear-all-confirm');
  expect(within(confirm).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Feuille de synthèse «\u00a0Synthèse annexe 9\u00a0», supprimée']);
  expect(within(confirm).queryByRole('table')).toBeNull();
  expect(confirm).not.toHaveTextContent('Conservée');
});

it.each([
  ['« Annuler »', (confirm: HTMLElement) => fireEvent.click(within(confirm).getByRole('button', { name: 'Annuler' }))],
  ['Escape', (confirm: HTMLElement) => fireEvent.keyDown(confirm, { key: 'Escape' })],
])('cancelling with %s removes nothing and checks nothing again', async (_, cancel) => {
  const { service } = written();
  renderPane(service);
  await check();
  await choose('Tout retirer…');
  cancel(await screen.findByTestId('clear-all-confirm'));
  expect(screen.queryByTestId('clear-all-confirm')).not.toBeInTheDocument();
  expect(service.clear).not.toHaveBeenCalled();
  expect(service.check).toHaveBeenCalledTimes(1);
  expect(document.querySelectorAll('button[data-cell]')).toHaveLength(2);
});

it('confirmed: clears the checked sheet, then shows it as it now is — checked again, not marked, codes to fill offered again', async () => {
  const { service } = written();
  renderPane(service);
  await check();
  const checked = await (service.check.mock.results[0].value as Promise<CheckOutcome>);
  expect(await command('Compléter les imputations')).toHaveAttribute('aria-disabled', 'true');
  await choose('Tout retirer…');
  fireEvent.click(within(await screen.findByTestId('clear-all-confirm')).getByRole('button', { name: 'Tout retirer' }));
  await waitFor(() => expect(notes()).toContain('Marques retirées (2) et imputations ajoutées par le contrôle effacées (2). Feuille de synthèse supprimée : « Synthèse annexe 9 ».'));
  expect(service.clear).toHaveBeenCalledWith('fr', checked);
  expect(service.clearMarks).not.toHaveBeenCalled();
  expect(service.takeBackCodes).not.toHaveBeenCalled();
  // Checked again, without marking: the findings are the sheet's now (the codes to fill are back).
  expect(service.check).toHaveBeenCalledTimes(2);
  expect(service.mark).toHaveBeenCalledTimes(1);
  expect(screen.queryByTestId('clear-all-confirm')).not.toBeInTheDocument();
  expect(await screen.findByTestId('fills')).toBeInTheDocument();
  expect(await command('Compléter les imputations')).not.toHaveAttribute('aria-disabled');
  // Nothing of the add-in's left: the three commands that take back say so.
  for (const [name, why] of [
    ['Tout retirer…', 'Rien à retirer\u00a0: ni marque, ni imputation, ni feuille du complément pour cette feuille.'],
    ['Effacer les marques', 'Aucune marque sur la feuille.'],
    ['Retirer les imputations complétées', 'Aucune imputation complétée par le complément sur la feuille.'],
  ]) {
    const entry = await command(name);
    expect(entry).toHaveAttribute('aria-disabled', 'true');
    expect(entry).toHaveAccessibleDescription(why);
  }
});

it('is disabled, saying why, when the check found nothing the add-in wrote; a summary inserted since enables it', async () => {
  const service = stubService(() => annexOutcome(sampleReport('fr'), { markedCells: 0, filledCodes: 0, recordKept: false }));
  service.mark.mockResolvedValue({ ok: true, marked: 0, message: 'Aucune anomalie à marquer.' });
  renderPane(service);
  await check();
  const entry = await command('Tout retirer…');
  expect(entry).toHaveAttribute('aria-disabled', 'true');
  expect(entry).toHaveAccessibleDescription('Rien à retirer\u00a0: ni marque, ni imputation, ni feuille du complément pour cette feuille.');
  fireEvent.click(entry);
  expect(service.previewClear).not.toHaveBeenCalled();

  await choose('Insérer la synthèse');
  await waitFor(() => expect(notes()).toContain('Synthèse insérée dans la feuille « Synthèse annexe 9 ».'));
  expect(await command('Tout retirer…')).not.toHaveAttribute('aria-disabled');
});

it('when the preview finds nothing to remove, says so (and what is kept), with no confirmation', async () => {
  const service = stubService(() => annexOutcome(sampleReport('fr'), { markedCells: 0, filledCodes: 0, recordKept: true }));
  service.previewClear.mockResolvedValue({
    ok: true,
    sheet: 'Annexe 9',
    markedCells: 0,
    codes: [],
    kept: [],
    convention: false,
    summaries: { deleted: [], kept: ['Synthèse annexe 9'] },
    comparisons: { deleted: [], kept: [] },
  });
  renderPane(service);
  await check();
  await choose('Tout retirer…');
  await waitFor(() => expect(notes()).toContain('Rien à retirer\u00a0: ni marque, ni imputation, ni feuille du complément pour cette feuille.'));
  expect(notes()).toContain('Conservée, car modifiée ou renommée depuis l’insertion (ou protégée, ou très masquée)\u00a0: «\u00a0Synthèse annexe 9\u00a0».');
  expect(screen.queryByTestId('clear-all-confirm')).not.toBeInTheDocument();
  expect(service.clear).not.toHaveBeenCalled();
});

it('a refusal of the preview (protected sheet) is a warning, nothing confirmed', async () => {
  const { service, preview } = written();
  service.previewClear.mockResolvedValue({ ...preview, ok: false, message: 'Feuille protégée : ôtez la protection, puis recommencez.' });
  renderPane(service);
  await check();
  await choose('Tout retirer…');
  await waitFor(() => expect(notes()).toContain('Feuille protégée : ôtez la protection, puis recommencez.'));
  expect(screen.queryByTestId('clear-all-confirm')).not.toBeInTheDocument();
  expect(service.clear).not.toHaveBeenCalled();
});
