/** @jest-environment jsdom */
/**
 * « Rapprocher avec la convention… » and « Comparer avec… » in the pane (issues 15 and 16), against
 * a stub service: what was read is shown with its quotes, corrected or typed by hand, confirmed
 * and kept; the findings follow; two versions compared, grouped, a click selects the row, the
 * sheet inserted; planned against spent with the estimate's formula.
 */
import '@testing-library/jest-dom';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import App from '../../src/taskpane/components/App';
import { ConventionFigures } from '../../src/domain/convention/figures';
import { SheetGrid } from '../../src/domain/grid';
import { StoredConvention, WriteOutcome } from '../../src/office/service';
import { layoutAnnex } from '../../fixtures/annex-layout';
import { findAction, sampleSpec } from '../../fixtures/sample';
import { seedText } from '../convention/seed';
import { plus, shiftTotals } from '../compare/helpers';
import { Stub, annexOutcome, sampleReport, stubService } from './stub';
import { choose, command } from './menu';

type Extra = Required<Pick<Stub, 'conventionOf' | 'saveConvention' | 'sheetNames' | 'readGrid' | 'insertComparison'>>;

function service(options: { stored?: StoredConvention | null; grids?: Record<string, SheetGrid> } = {}): Stub & { [K in keyof Extra]: jest.Mock } {
  const stub = stubService((lang) => annexOutcome(sampleReport(lang)));
  const ok = (message: string): Promise<WriteOutcome> => Promise.resolve({ ok: true, message });
  const grids = options.grids ?? {};
  return Object.assign(stub, {
    conventionOf: jest.fn(async () => options.stored ?? null),
    saveConvention: jest.fn((_o: unknown, f: ConventionFigures | null) => ok(f ? 'Montants de la convention enregistrés dans le classeur.' : 'Montants retirés.')),
    sheetNames: jest.fn(async () => Object.keys(grids)),
    readGrid: jest.fn(async (name: string) => grids[name]),
    insertComparison: jest.fn(() => ok('Comparaison insérée dans la feuille « Comparaison annexe 9 ».')),
  });
}

function renderPane(s: Stub) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App service={s} lang="fr" />
    </FluentProvider>,
  );
}

async function check() {
  fireEvent.click(screen.getByRole('button', { name: 'Vérifier la feuille' }));
  await screen.findByRole('heading', { level: 2, name: /feuille «\s*Annexe 9\s*»/ });
}

async function openConvention() {
  await choose('Rapprocher avec la convention…');
  // The panel is loaded on demand: the first time, the test runner compiles it and the convention engine.
  return screen.findByTestId('convention-panel', {}, { timeout: 30_000 });
}

async function readSeed(panel: HTMLElement) {
  fireEvent.change(within(panel).getByLabelText('Ou collez le texte de la convention'), { target: { value: seedText() } });
  fireEvent.click(within(panel).getByRole('button', { name: 'Lire le texte collé' }));
  await within(panel).findByText(/vérifiez, corrigez, confirmez/, {}, { timeout: 10_000 });
}

describe('« Rapprocher avec la convention… »', () => {
  it('needs a checked annex first', async () => {
    renderPane(service());
    const entry = await command('Rapprocher avec la convention…');
    expect(entry).toHaveAttribute('aria-disabled', 'true');
    expect(entry).toHaveAccessibleDescription('Vérifiez d’abord la feuille de l’annexe.');
    fireEvent.click(entry);
    expect(screen.queryByTestId('convention-panel')).toBeNull();
  });

  it('shows each figure read with its quote and place, then the findings once confirmed and saved', async () => {
    const s = service();
    renderPane(s);
    await check();
    const panel = await openConvention();
    await readSeed(panel);
    expect(within(panel).getByLabelText("Soutien financier de l’État (article 2)")).toHaveValue('6\u202f707\u202f058,00\u00a0€');
    const code03 = within(panel).getAllByTestId('review-code').find((e) => e.dataset.code === '0304 50 19 19 03')!;
    expect(within(code03).getByLabelText('Imputation 0304 50 19 19 03')).toHaveValue('110\u202f000,00\u00a0€');
    expect(code03).toHaveTextContent(/lignes \d+ à \d+ : « .*110 000 euros.*030450191903/);
    expect(within(panel).getAllByTestId('review-code')).toHaveLength(5);
    expect(within(panel).getByTestId('review-fiches').querySelectorAll('li')).toHaveLength(23);

    fireEvent.click(within(panel).getByRole('button', { name: 'Confirmer et enregistrer dans le classeur' }));
    await within(panel).findByTestId('convention-headline');
    expect(s.saveConvention).toHaveBeenCalledTimes(1);
    const saved = s.saveConvention.mock.calls[0][1] as ConventionFigures;
    expect(saved.codes.map((c) => c.cents)).toEqual([11_000_000, 8_000_000, 8_952_300, 606_705_800, 64_000_000]);
    expect(within(panel).getByTestId('convention-note')).toHaveTextContent('Montants de la convention enregistrés');
    expect(within(panel).getByTestId('convention-headline')).toHaveTextContent("4 écarts entre l’annexe et la convention");
    const rules = within(panel).getAllByTestId('convention-finding').map((li) => li.dataset.rule);
    expect(rules).toEqual(['CONVENTION_SPLIT', 'CONVENTION_CODE', 'CONVENTION_CODE', 'CONVENTION_CODE']);
    const split = within(panel).getAllByTestId('convention-finding')[0];
    expect(split.textContent).toContain('+279\u202f523,00\u00a0€');
    expect(within(panel).getByText(/23 fiches action sur 23 rapprochées/)).toBeInTheDocument();

    // A code's gap goes to its cells in column A.
    const code = within(panel).getAllByTestId('convention-finding')[1].querySelector('button')!;
    fireEvent.click(code);
    await waitFor(() => expect(s.select).toHaveBeenCalledWith('Annexe 9', code.dataset.cell));
  });

  it('an amount corrected by hand replaces the document’s, with the quote it replaces kept', async () => {
    const s = service();
    renderPane(s);
    await check();
    const panel = await openConvention();
    await readSeed(panel);
    fireEvent.change(within(panel).getByLabelText('Imputation 0304 50 19 19 03'), { target: { value: '300 000' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Confirmer et enregistrer dans le classeur' }));
    await within(panel).findByTestId('convention-headline');
    const saved = s.saveConvention.mock.calls[0][1] as ConventionFigures;
    const c03 = saved.codes.find((c) => c.code.endsWith('03'))!;
    expect(c03.cents).toBe(30_000_000);
    expect(c03.sources).toEqual([{ kind: 'typed', replaces: expect.objectContaining({ unit: 'line', quote: expect.stringContaining('110 000') }) }]);
    const codes = within(panel).getAllByTestId('convention-finding').filter((li) => li.dataset.rule === 'CONVENTION_CODE');
    expect(codes.map((li) => li.textContent)).not.toContainEqual(expect.stringContaining('19 19 03'));
  });

  it('amounts typed by hand: an unknown code is refused with the valid ones, a bad amount is said so', async () => {
    const s = service();
    renderPane(s);
    await check();
    const panel = await openConvention();
    fireEvent.click(within(panel).getByRole('button', { name: 'Saisir les montants notifiés à la main' }));
    const add = await within(panel).findByTestId('review-add');
    fireEvent.change(within(add).getByTestId('new-code'), { target: { value: '99' } });
    fireEvent.change(within(add).getByTestId('new-amount'), { target: { value: '1 000' } });
    fireEvent.click(within(add).getByRole('button', { name: 'Ajouter un montant' }));
    expect(await within(add).findByRole('alert')).toHaveTextContent(/le code 0304 50 19 19 99 n’est pas un code Chorus de l’annexe\. Codes valides : 02 \(.*\), 03 \(/);
    fireEvent.change(within(add).getByTestId('new-code'), { target: { value: '03' } });
    fireEvent.change(within(add).getByTestId('new-amount'), { target: { value: 'cent mille' } });
    fireEvent.click(within(add).getByRole('button', { name: 'Ajouter un montant' }));
    expect((await within(add).findByRole('alert')).textContent).toContain('«\u00a0cent mille\u00a0» n’est pas un montant.');
    fireEvent.change(within(add).getByTestId('new-amount'), { target: { value: '300 000,00 €' } });
    fireEvent.click(within(add).getByRole('button', { name: 'Ajouter un montant' }));
    expect(await within(panel).findByLabelText('Imputation 0304 50 19 19 03')).toHaveValue('300\u202f000,00\u00a0€');
    fireEvent.click(within(panel).getByRole('button', { name: 'Confirmer et enregistrer dans le classeur' }));
    // 300 000 € typed for 03: the annex agrees, nothing else compared.
    expect(await within(panel).findByTestId('convention-headline')).toHaveTextContent("Aucun écart entre l’annexe et la convention.");
    expect((s.saveConvention.mock.calls[0][1] as ConventionFigures).codes).toEqual([{ code: '0304 50 19 19 03', cents: 30_000_000, sources: [{ kind: 'typed' }] }]);
  });

  it('text that is no convention gets a clear French message and nothing else', async () => {
    renderPane(service());
    await check();
    const panel = await openConvention();
    fireEvent.change(within(panel).getByLabelText('Ou collez le texte de la convention'), { target: { value: 'Compte rendu de la réunion du 3 mars : rien à signaler.' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Lire le texte collé' }));
    expect(await within(panel).findByTestId('convention-problem')).toHaveTextContent("Ce texte ne ressemble pas à une convention d’appui à la lutte contre la pauvreté");
    expect(within(panel).queryByTestId('convention-headline')).toBeNull();
  });

  it('figures kept in the workbook are shown after a check, with their findings', async () => {
    const figures: ConventionFigures = { document: 'convention.pdf', unit: 'page', year: 2023, stateTotal: null, codes: [{ code: '0304 50 19 19 04', cents: 8_000_000, sources: [{ kind: 'document', ref: { unit: 'page', first: 9, last: 9, quote: 'La subvention de 80 000 euros…' } }] }], fiches: [] };
    renderPane(service({ stored: { figures, at: '2026-03-02T10:00:00.000Z' } }));
    await check();
    const panel = await screen.findByTestId('convention-panel', {}, { timeout: 30_000 });
    // Read in a document: the annex's other codes count as zero there (04: 80 000 € against 0 €, and 02, 03, 07, 10).
    expect(await within(panel).findByTestId('convention-headline')).toHaveTextContent("5 écarts entre l’annexe et la convention");
    expect(panel).toHaveTextContent(/lus dans « convention\.pdf », enregistrés dans le classeur/);
    expect(panel.textContent).toContain('page 9\u00a0: «\u00a0La subvention de 80 000 euros…\u00a0»');
  });

  it('an amount corrected a second time (after reopening) still names the document’s quote it replaces', async () => {
    const replaces = { unit: 'page' as const, first: 9, last: 9, quote: 'La subvention de 80 000 euros…' };
    const figures: ConventionFigures = { document: 'convention.pdf', unit: 'page', year: 2023, stateTotal: null, codes: [{ code: '0304 50 19 19 04', cents: 9_000_000, sources: [{ kind: 'typed', replaces }] }], fiches: [] };
    const s = service({ stored: { figures, at: '2026-03-02T10:00:00.000Z' } });
    renderPane(s);
    await check();
    const panel = await screen.findByTestId('convention-panel', {}, { timeout: 30_000 });
    await within(panel).findByTestId('convention-headline');
    fireEvent.click(within(panel).getByRole('button', { name: 'Modifier les montants' }));
    fireEvent.change(within(panel).getByLabelText('Imputation 0304 50 19 19 04'), { target: { value: '95 000' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Confirmer et enregistrer dans le classeur' }));
    await waitFor(() => expect(s.saveConvention).toHaveBeenCalledTimes(1));
    const saved = s.saveConvention.mock.calls[0][1] as ConventionFigures;
    expect(saved.codes).toEqual([{ code: '0304 50 19 19 04', cents: 9_500_000, sources: [{ kind: 'typed', replaces }] }]);
  });

  it('in review-only mode nothing is saved in the workbook', async () => {
    const s = service();
    renderPane(s);
    fireEvent.click(screen.getByRole('switch', { name: /Relecture seule/ }));
    await check();
    const panel = await openConvention();
    await readSeed(panel);
    fireEvent.click(within(panel).getByRole('button', { name: 'Confirmer (sans enregistrer)' }));
    expect(await within(panel).findByTestId('convention-headline')).toHaveTextContent('4 écarts');
    expect(s.saveConvention).not.toHaveBeenCalled();
    expect(panel).toHaveTextContent('Montants confirmés, non enregistrés dans le classeur.');
  });
});

describe('« Comparer avec… »', () => {
  function grids(execution = false) {
    const neu = sampleSpec();
    const { action, block } = findAction(neu, 'Pacte');
    if (execution) {
      neu.titleRows[2] = 'Exécution Année 2023';
      action.amounts.A = String(Number(action.amounts.A) - 1000);
    } else {
      // 1 000 € more from the State and the département on one action, its totals raised to match.
      for (const k of ['A', 'C', 'valorisation'] as const) action.amounts[k] = plus(action.amounts[k], '1000');
      action.amounts.F = plus(action.amounts.F, '2000');
      shiftTotals(neu, block, { A: '1000.00', C: '1000.00', valorisation: '1000.00', F: '2000.00' });
    }
    return { 'Annexe 9': layoutAnnex(neu).grid, 'Version de mars': { ...layoutAnnex(sampleSpec()).grid, name: 'Version de mars' } };
  }

  async function compareWith(s: Stub, sheet: string) {
    await choose('Comparer avec…');
    const panel = await screen.findByTestId('comparison-panel', {}, { timeout: 30_000 });
    await waitFor(() => expect(within(panel).getByRole('option', { name: sheet })).toBeInTheDocument());
    fireEvent.change(within(panel).getByTestId('compare-sheet'), { target: { value: sheet } });
    return panel;
  }

  it('shows exactly the modification, grouped; a click selects the row; the sheet can be inserted', async () => {
    const s = service({ grids: grids() });
    renderPane(s);
    await check();
    const panel = await compareWith(s, 'Version de mars');
    fireEvent.click(within(panel).getByRole('button', { name: 'Comparer' }));
    const result = await within(panel).findByTestId('compare-result');
    const sections = [...result.querySelectorAll('details')].map((d) => d.getAttribute('data-section'));
    expect(sections).toEqual(['actionsChanged', 'measures', 'codes', 'totals']);
    const changed = result.querySelector('details[data-section="actionsChanged"]')!;
    const items = within(changed as HTMLElement).getAllByTestId('compare-item');
    expect(items).toHaveLength(1);
    expect(items[0]).toHaveTextContent(/\[modifié\].*Pacte/);
    expect(items[0]).toHaveTextContent(/\+1 000,00 €/);
    fireEvent.click(items[0]);
    await waitFor(() => expect(s.select).toHaveBeenCalledWith('Annexe 9', expect.stringMatching(/^B\d+$/)));
    // Unchanged rows on demand.
    fireEvent.click(within(panel).getByTestId('compare-unchanged'));
    await waitFor(() => expect(result.querySelector('details[data-section="actionsUnchanged"]')).not.toBeNull());

    fireEvent.click(within(panel).getByRole('button', { name: 'Insérer la feuille Comparaison annexe 9' }));
    expect(await within(panel).findByTestId('compare-note')).toHaveTextContent('Comparaison insérée');
    expect(s.insertComparison.mock.calls[0][1]).toMatchObject({ name: 'Comparaison annexe 9', marker: { source: 'Version de mars → Annexe 9' } });
  });

  it('planned against spent: the amount that may be recovered, its formula, an estimate to confirm', async () => {
    const s = service({ grids: grids(true) });
    renderPane(s);
    await check();
    const panel = await compareWith(s, 'Version de mars');
    fireEvent.click(within(panel).getByLabelText(/l’ancienne version, ou le prévu/));
    fireEvent.click(within(panel).getByTestId('compare-execution'));
    fireEvent.click(within(panel).getByRole('button', { name: 'Comparer' }));
    const box = await within(panel).findByTestId('reversement');
    expect(box).toHaveTextContent('Montant susceptible de reversement (art. 5) — estimation à confirmer');
    expect(box).toHaveTextContent("Estimation à confirmer par l’ordonnateur");
    expect(box).toHaveTextContent('P = S × r');
  });
});
