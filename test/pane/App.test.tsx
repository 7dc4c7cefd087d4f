/** @jest-environment jsdom */
/** The task pane's states, against a stub service: what a finance officer sees and can do. */
import '@testing-library/jest-dom';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import App from '../../src/taskpane/components/App';
import { langFromDisplayLanguage } from '../../src/taskpane/i18n';
import { analyzeSheet } from '../../src/domain';
import * as engine from '../../src/domain/analyze';
import { CheckOutcome } from '../../src/office/service';
import { Stub, annexOutcome, sampleReport, stubService } from './stub';
import { choose, command } from './menu';

function renderPane(service: Stub, lang?: 'fr' | 'en') {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App service={service} lang={lang} />
    </FluentProvider>,
  );
}

function button(label: string): HTMLElement {
  const el = screen.getByText(label).closest('button');
  if (!el) throw new Error(`no button ${label}`);
  return el;
}

/** The messages shown under the actions (the live region repeats some: look at the visible ones). */
async function expectNote(text: string | RegExp) {
  await waitFor(() => {
    const notes = screen.queryAllByTestId('note').map((n) => n.textContent ?? '');
    expect(notes.some((n) => (typeof text === 'string' ? n === text : text.test(n)))).toBe(true);
  });
}

async function check() {
  fireEvent.click(screen.getByRole('button', { name: 'Vérifier la feuille' }));
  return screen.findByRole('heading', { level: 2, name: /feuille «\s*Annexe 9\s*»/ });
}

describe('task pane on the sample', () => {
  it('names the two wrong totals in French with their amounts, grouped by rule, and marks them', async () => {
    const service = stubService((lang) => annexOutcome(sampleReport(lang)));
    renderPane(service, 'fr');
    const headline = await check();
    expect(headline).toHaveTextContent('2 anomalies sur 23 actions — annexe 9, feuille « Annexe 9 »');
    await waitFor(() => expect(headline).toHaveFocus());

    const section = screen.getByRole('region', { name: /Sous-totaux socle ou initiatives faux \(1\)/ });
    const l50 = within(section).getByRole('button', { name: /L50/ });
    expect(l50).toHaveTextContent('F affiché 960 000,00 €, somme des lignes 1 280 000,00 € — écart -320 000,00 €');
    const grand = screen.getByRole('region', { name: /Budget global F ≠ A\+B\+C\+D\+E \(1\)/ });
    expect(within(grand).getByRole('button', { name: /L51/ })).toHaveTextContent(/^L51ligne 51TOTAUX FINANCIERSF affiché/);

    expect(service.check).toHaveBeenCalledWith('fr');
    await waitFor(() => expect(service.mark).toHaveBeenCalledTimes(1));
    await expectNote('2 cellules marquées.');
    expect(screen.getByTestId('announcement')).toHaveTextContent('2 anomalies sur 23 actions');
  });

  it('selects the cell of a finding on click; findings are native buttons, so Enter and Space work too', async () => {
    const service = stubService((lang) => annexOutcome(sampleReport(lang)));
    renderPane(service, 'fr');
    await check();
    const l50 = screen.getByRole('button', { name: /L50/ });
    fireEvent.click(l50);
    await waitFor(() => expect(service.select).toHaveBeenCalledWith('Annexe 9', 'L50'));
    await waitFor(() => expect(l50).toHaveAttribute('aria-current', 'true'));
    expect(l50.tagName).toBe('BUTTON');
    expect(screen.getByRole('button', { name: /L51/ }).tagName).toBe('BUTTON');
  });

  it('in review-only mode checks and lists, but writes nothing', async () => {
    const service = stubService((lang) => annexOutcome(sampleReport(lang)));
    renderPane(service, 'fr');
    fireEvent.click(screen.getByRole('switch', { name: 'Relecture seule' }));
    await check();
    expect(document.querySelectorAll('button[data-cell]')).toHaveLength(2);
    expect(service.mark).not.toHaveBeenCalled();
    await expectNote('Relecture seule\u00a0: rien n’a été écrit dans le classeur.');
    for (const name of ['Compléter les imputations', 'Insérer la synthèse', 'Effacer les marques', 'Tout retirer…']) {
      const el = await command(name);
      expect(el).toHaveAttribute('aria-disabled', 'true');
      expect(el).toHaveAccessibleDescription(/Relecture seule/);
      fireEvent.click(el);
    }
    expect(service.fillCodes).not.toHaveBeenCalled();
    expect(service.insertSummary).not.toHaveBeenCalled();
    expect(service.clear).not.toHaveBeenCalled();
    expect(service.clearMarks).not.toHaveBeenCalled();
  });
});

describe('task pane states', () => {
  it('says plainly "Aucune anomalie" on a clean sheet, with the counts', async () => {
    const report = sampleReport('fr');
    const clean = { ...report, findings: [], tables: report.tables.map((t) => ({ ...t, findings: [] })) };
    const service = stubService(() => annexOutcome(clean));
    renderPane(service, 'fr');
    const headline = await check();
    expect(headline).toHaveTextContent('Aucune anomalie sur 23 actions — annexe 9, feuille « Annexe 9 »');
    expect(screen.getByTestId('clean')).toHaveTextContent('Aucune anomalie');
    expect(screen.getByTestId('clean')).toHaveTextContent('23 actions et 8 sous-totaux');
    expect(service.mark).not.toHaveBeenCalled();
  });

  it('gives guidance, not an error, on a sheet that is not an annex', async () => {
    const grid = { name: 'Notes', origin: { row: 0, col: 0 }, rows: [[{ value: 'Compte rendu de réunion' }]], merges: [] };
    const report = analyzeSheet(grid);
    const service = stubService(() => ({ status: 'notAnnex', sheet: 'Notes', report, readOnly: false, hasMarks: false }));
    renderPane(service, 'fr');
    fireEvent.click(screen.getByRole('button', { name: 'Vérifier la feuille' }));
    const guidance = await screen.findByTestId('not-annex');
    expect(guidance).toHaveTextContent('Cette feuille n’est pas une annexe 9');
    expect(guidance).toHaveTextContent('Aucune annexe 9 trouvée dans la feuille « Notes »');
    expect(guidance).toHaveTextContent('Participation État');
    expect(guidance).toHaveTextContent('Ouvrez la feuille du tableau financier récapitulatif');
    expect(guidance).toHaveTextContent('Rien n’a été modifié dans le classeur.');
    expect(screen.queryByTestId('error')).not.toBeInTheDocument();
    expect(service.mark).not.toHaveBeenCalled();
  });

  it('shows what happened on an error and that nothing changed', async () => {
    const service = stubService(() => {
      throw new Error('La feuille active ne peut pas être lue (RichApi.Error : GeneralException)');
    });
    renderPane(service, 'fr');
    fireEvent.click(screen.getByRole('button', { name: 'Vérifier la feuille' }));
    const error = await screen.findByTestId('error');
    expect(error).toHaveTextContent('Le contrôle a échoué');
    expect(error).toHaveTextContent('GeneralException');
    expect(error).toHaveTextContent('Rien n’a été modifié dans le classeur.');
    expect(screen.getByRole('button', { name: 'Vérifier la feuille' })).not.toHaveAttribute('aria-disabled', 'true');
  });

  it('shows a spinner while working', async () => {
    let release: (o: CheckOutcome) => void = () => undefined;
    const service = stubService(() => new Promise<CheckOutcome>((r) => (release = r)));
    renderPane(service, 'fr');
    fireEvent.click(screen.getByRole('button', { name: 'Vérifier la feuille' }));
    expect(await screen.findByTestId('working')).toHaveTextContent('Vérification de la feuille…');
    expect(screen.getByRole('main')).toHaveAttribute('aria-busy', 'true');
    // A second click while busy does nothing.
    fireEvent.click(screen.getByRole('button', { name: 'Vérifier la feuille' }));
    expect(service.check).toHaveBeenCalledTimes(1);
    await act(async () => release(annexOutcome(sampleReport('fr'))));
    await waitFor(() => expect(screen.queryByTestId('working')).not.toBeInTheDocument());
  });

  it('offers to check again when the sheet changed since the check', async () => {
    const service = stubService((lang) => annexOutcome(sampleReport(lang)));
    renderPane(service, 'fr');
    await check();
    await waitFor(() => expect(service.listeners).toBe(1));
    act(() => service.fireChange());
    const stale = await screen.findByTestId('stale');
    expect(stale).toHaveTextContent('La feuille a changé depuis le contrôle');
    fireEvent.click(within(stale).getByRole('button', { name: 'Vérifier à nouveau' }));
    await waitFor(() => expect(service.check).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(screen.queryByTestId('stale')).not.toBeInTheDocument());
    // One subscription at a time: the old one was taken back.
    await waitFor(() => expect(service.listeners).toBe(1));
  });

  it('on a read-only sheet lists the findings, says why and disables writing', async () => {
    const service = stubService((lang) =>
      annexOutcome(sampleReport(lang), { readOnly: true, readOnlyReason: 'Feuille protégée : ôtez la protection pour marquer ou compléter.' }),
    );
    renderPane(service, 'fr');
    await check();
    expect(screen.getByTestId('read-only')).toHaveTextContent('Feuille protégée : ôtez la protection');
    expect(document.querySelectorAll('button[data-cell]')).toHaveLength(2);
    expect(service.mark).not.toHaveBeenCalled();
    const clear = await command('Effacer les marques');
    expect(clear).toHaveAttribute('aria-disabled', 'true');
    expect(clear).toHaveAccessibleDescription(/Écriture impossible/);
  });

  it('lists the codes only proposed, each with why it is not written', async () => {
    const report = (lang: 'fr' | 'en') => ({
      ...sampleReport(lang),
      proposals: [
        { cell: 'C12', gridRow: 11, gridCol: 2, row: 12, candidates: ['0304 50 19 19 05 - Maraudes'], reason: 'notACode' as const },
        { cell: 'C14', gridRow: 13, gridCol: 2, row: 14, candidates: [], reason: 'noTheme' as const },
      ],
    });
    renderPane(stubService((lang) => annexOutcome(report(lang))), 'fr');
    await check();
    const items = within(screen.getByTestId('proposals')).getAllByRole('listitem');
    expect(screen.getByTestId('proposals')).toHaveTextContent('Imputations à choisir (2)');
    expect(items.map((li) => li.textContent)).toEqual([
      expect.stringContaining('0304 50 19 19 05 - Maraudes — la cellule d’imputation contient un texte qui n’est pas un code Chorus'),
      expect.stringContaining('aucun thème reconnu\u00a0: code à saisir — aucun thème ne permet de déduire l’imputation'),
    ]);
  });

  it('shows the codes to be written, then writes them on confirmation only', async () => {
    const service = stubService((lang) => annexOutcome(sampleReport(lang, { themeCells: 'firstRow' })));
    renderPane(service, 'fr');
    // Role queries are slow over 36 result buttons in jsdom: find by text here.
    fireEvent.click(button('Vérifier la feuille'));
    await screen.findByText(/^20 anomalies sur 23 actions/, { selector: 'h2' });
    expect(screen.getByTestId('fills')).toHaveTextContent('Imputations Chorus à compléter (18)');
    await choose('Compléter les imputations');
    const confirm = await screen.findByTestId('fill-confirm');
    expect(within(confirm).getByRole('heading', { name: 'Écrire 18 imputations\u202f?' })).toHaveFocus();
    const rows = within(confirm).getAllByRole('row');
    expect(rows).toHaveLength(19);
    expect(rows[1]).toHaveTextContent('C23');
    expect(rows[1]).toHaveTextContent('0304 50 19 19 07 - Garantie d’activité et insertion des BRSA');
    expect(service.fillCodes).not.toHaveBeenCalled();

    fireEvent.click(within(confirm).getByText('Annuler'));
    expect(screen.queryByTestId('fill-confirm')).not.toBeInTheDocument();
    expect(service.fillCodes).not.toHaveBeenCalled();

    await choose('Compléter les imputations');
    fireEvent.click(within(await screen.findByTestId('fill-confirm')).getByText('Écrire 18 codes'));
    await waitFor(() => expect(service.fillCodes).toHaveBeenCalledTimes(1));
    await expectNote('18 imputations écrites.');
    // Checked again after writing, so the list shows what is left.
    await waitFor(() => expect(service.check).toHaveBeenCalledTimes(2));
  });

  it('disables "Compléter les imputations" with a reason when there is nothing to fill', async () => {
    const service = stubService((lang) => annexOutcome(sampleReport(lang)));
    renderPane(service, 'fr');
    expect(await command('Compléter les imputations')).toHaveAccessibleDescription('Vérifiez d’abord la feuille.');
    await check();
    const fill = await command('Compléter les imputations');
    expect(fill).toHaveAttribute('aria-disabled', 'true');
    expect(fill).toHaveAccessibleDescription('Aucune imputation à compléter.');
  });

  it('inserts the summary and clears the marks, showing the service message', async () => {
    const service = stubService((lang) => annexOutcome(sampleReport(lang)));
    renderPane(service, 'fr');
    await check();
    expect(await command('Insérer la synthèse')).not.toHaveAttribute('aria-disabled');
    await choose('Insérer la synthèse');
    await expectNote('Synthèse insérée dans la feuille « Synthèse annexe 9 ».');
    await choose('Effacer les marques');
    await expectNote('Marques retirées (2 cellules).');
    // On the sheet the pane checked (after the summary, the summary sheet is the active one).
    expect(service.clearMarks).toHaveBeenCalledWith('fr', expect.objectContaining({ status: 'annex', sheet: 'Annexe 9' }));
    expect(service.clear).not.toHaveBeenCalled();
  });

  it('shows a refusal of the service as a warning', async () => {
    const service = stubService((lang) => annexOutcome(sampleReport(lang)));
    service.mark.mockResolvedValueOnce({ ok: false, message: 'Feuille protégée : rien n’a été écrit.' });
    renderPane(service, 'fr');
    await check();
    await expectNote('Feuille protégée : rien n’a été écrit.');
  });
});

describe('language and safety', () => {
  it('speaks English when Office does', async () => {
    expect(langFromDisplayLanguage('en-US')).toBe('en');
    expect(langFromDisplayLanguage('en-GB')).toBe('en');
    expect(langFromDisplayLanguage('fr-FR')).toBe('fr');
    expect(langFromDisplayLanguage('de-DE')).toBe('fr');
    expect(langFromDisplayLanguage(undefined)).toBe('fr');
    const service = stubService((lang) => annexOutcome(sampleReport(lang)));
    renderPane(service, 'en');
    fireEvent.click(screen.getByRole('button', { name: 'Check the sheet' }));
    const headline = await screen.findByRole('heading', { level: 2, name: /findings/ });
    expect(headline).toHaveTextContent('2 findings in 23 actions — annex 9, sheet "Annexe 9"');
    expect(service.check).toHaveBeenCalledWith('en');
    expect(screen.getByRole('button', { name: /L50/ })).toHaveTextContent('F shows €960,000.00');
  });

  it('switches language without checking again: the report is data, rendered in the language of the moment', async () => {
    const service = stubService((lang) => annexOutcome(sampleReport(lang)));
    const analyze = jest.spyOn(engine, 'analyzeSheet');
    try {
      const view = renderPane(service, 'fr');
      await check();
      expect(document.querySelector('button[data-cell="L50"]')).toHaveTextContent('F affiché 960 000,00 €, somme des lignes 1 280 000,00 € — écart -320 000,00 €');
      expect(analyze).toHaveBeenCalledTimes(1);
      view.rerender(
        <FluentProvider theme={webLightTheme}>
          <App service={service} lang="en" />
        </FluentProvider>,
      );
      expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('2 findings in 23 actions — annex 9, sheet "Annexe 9"');
      expect(document.querySelector('button[data-cell="L50"]')).toHaveTextContent('F shows €960,000.00, sum of the rows €1,280,000.00 — gap -€320,000.00');
      expect(screen.getByRole('heading', { level: 3, name: /Wrong section totals/ })).toBeInTheDocument();
      // Neither the service nor the engine ran again.
      expect(service.check).toHaveBeenCalledTimes(1);
      expect(analyze).toHaveBeenCalledTimes(1);
    } finally {
      analyze.mockRestore();
    }
  });

  it('reads the language from Office.context.displayLanguage when not given', async () => {
    (globalThis as unknown as { Office: unknown }).Office = { context: { displayLanguage: 'en-US' } };
    try {
      renderPane(stubService((lang) => annexOutcome(sampleReport(lang))));
      expect(screen.getByRole('button', { name: 'Check the sheet' })).toBeInTheDocument();
    } finally {
      delete (globalThis as unknown as { Office?: unknown }).Office;
    }
  });

  it('renders cell text as text: HTML and scripts in a title are shown, not run', async () => {
    const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    const report = sampleReport('fr');
    const f = { ...report.findings[0], rowLabel: payload };
    const service = stubService(() => annexOutcome({ ...report, findings: [f] }));
    const { container } = renderPane(service, 'fr');
    await check();
    expect(screen.getByRole('button', { name: /L50/ })).toHaveTextContent(payload);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });
});

describe('robustness', () => {
  it('still shows the results when the changed event cannot be subscribed to', async () => {
    const service = stubService((lang) => annexOutcome(sampleReport(lang)));
    service.onSheetChanged.mockRejectedValue(new Error('ExcelApi 1.7 requis'));
    renderPane(service, 'fr');
    const headline = await check();
    expect(headline).toHaveTextContent('2 anomalies sur 23 actions');
    await waitFor(() => expect(service.onSheetChanged).toHaveBeenCalled());
    expect(screen.queryByTestId('error')).not.toBeInTheDocument();
  });

  it('shows a refusal to fill and does not check again behind the user', async () => {
    const service = stubService((lang) => annexOutcome(sampleReport(lang, { themeCells: 'firstRow' })));
    service.fillCodes.mockResolvedValueOnce({ ok: false, message: 'Feuille protégée : aucune imputation écrite.' });
    renderPane(service, 'fr');
    fireEvent.click(button('Vérifier la feuille'));
    await screen.findByText(/^20 anomalies sur 23 actions/, { selector: 'h2' });
    await choose('Compléter les imputations');
    fireEvent.click(within(await screen.findByTestId('fill-confirm')).getByText('Écrire 18 codes'));
    await expectNote('Feuille protégée : aucune imputation écrite.');
    expect(service.check).toHaveBeenCalledTimes(1);
  });

  it('shows an error of the marking step while keeping the findings listed', async () => {
    const service = stubService((lang) => annexOutcome(sampleReport(lang)));
    service.mark.mockRejectedValueOnce(new Error('La feuille a été supprimée.'));
    renderPane(service, 'fr');
    await check();
    const error = await screen.findByTestId('error');
    expect(error).toHaveTextContent('Le marquage a échoué');
    expect(error).toHaveTextContent('Rien n’a été modifié dans le classeur.');
    expect(document.querySelector('button[data-cell="L50"]')).toHaveTextContent('F affiché 960 000,00 €');
  });
});
