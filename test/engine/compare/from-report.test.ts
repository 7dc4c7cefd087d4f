/**
 * The adapter from the engine's report to a comparable table, on a small annex laid out by the
 * fixtures (sheet rows taken from the layout, everything else typed by hand).
 */
import { analyzeSheet } from '../../../src/domain/analyze';
import { comparableFromReport, ficheKey, labelKey } from '../../../src/domain/compare/fromReport';
import { AnnexSpec, layoutAnnex } from '../../../fixtures/annex-layout';

const ACCUEIL = '0304 50 19 19 03';
const z = { B: '0.00', D: '0.00', E: '0.00' };

function smallSpec(): AnnexSpec {
  return {
    sheetName: 'Annexe 9',
    titleRows: ['ANNEXE 9- TABLEAU FINANCIER RECAPITULATIF PREVISIONNEL', 'Prévisionnel Année 2023'],
    year: 2023,
    body: [
      {
        kind: 'block',
        theme: 'Premier accueil social inconditionnel de proximité',
        imputation: `${ACCUEIL} - 1er accueil social inconditionnel`,
        actions: [
          { fiche: 'Fiche 2.1', title: 'Accueil des publics', amounts: { A: '3000.00', C: '3000.00', valorisation: '3000.00', F: '6000.00', ...z } },
          { fiche: null, title: "intitulé de l'action n°2", amounts: {} },
        ],
      },
      { kind: 'subtotal', label: 'Sous total', amounts: { A: '3000.00', C: '3000.00', valorisation: '3000.00', F: '6000.00', ...z } },
      { kind: 'socleSubtotal', label: 'Sous-total engagements des mesures socle', amounts: { A: '3000.00', C: '3000.00', valorisation: '3000.00', F: '6000.00', ...z } },
      {
        kind: 'block',
        theme: 'Initiative départementale',
        imputation: null,
        actions: [{ fiche: '9', title: 'Projet du département', amounts: { A: '100.00', C: 'n/a', valorisation: '0.00', F: '100.00', ...z } }],
      },
      { kind: 'initiativeSubtotal', label: "Sous total engagements à l'initiative du département", amounts: { A: '100.00', C: '0.00', valorisation: '0.00', F: '100.00', ...z } },
      { kind: 'grandTotal', label: 'TOTAUX FINANCIERS', amounts: { A: '3100.00', C: '3000.00', valorisation: '3000.00', F: '6100.00', ...z } },
    ],
  };
}

describe('a comparable table from the engine’s report', () => {
  it('keys: fiche numbers written any way, labels normalised', () => {
    expect([ficheKey('Fiche 5.1'), ficheKey('n° 5,1'), ficheKey('5 . 1'), ficheKey('12'), ficheKey('Bis'), ficheKey(null), ficheKey('')]).toEqual(['5.1', '5.1', '5.1', '12', 'bis', '', '']);
    expect([labelKey(null), labelKey('')]).toEqual(['', '']);
    expect(labelKey('Exécution')).toBe(labelKey('EXECUTION'));
  });

  it('actions, blocks, measures, totals, code names and the labels that say what the table is', () => {
    const laid = layoutAnnex(smallSpec());
    const report = analyzeSheet(laid.grid);
    expect(report.isAnnex).toBe(true);
    const t = comparableFromReport(laid.grid, report, report.tables[0], { file: 'a.xlsx' });
    const row = (entry: number, i = 0) => laid.rowOf[entry][i] + 1;
    const amounts = (a: number, c: number | null, v: number, f: number) => ({ A: a, B: 0, C: c, valorisation: v, D: 0, E: 0, F: f });
    expect(t.columns).toEqual(['A', 'B', 'C', 'valorisation', 'D', 'E', 'F']);
    expect(t.actions).toEqual([
      {
        id: 0,
        row: row(0),
        fiche: 'Fiche 2.1',
        title: 'Accueil des publics',
        theme: 'Premier accueil social inconditionnel de proximité',
        code: ACCUEIL,
        section: 'socle',
        placeholder: false,
        amounts: amounts(300000, 300000, 300000, 600000),
        block: 0,
        measure: 0,
        keys: { fiche: '2.1', title: labelKey('Accueil des publics'), theme: labelKey('Premier accueil social inconditionnel de proximité') },
      },
      {
        id: 1,
        row: row(0, 1),
        fiche: null,
        title: "intitulé de l'action n°2",
        theme: 'Premier accueil social inconditionnel de proximité',
        code: ACCUEIL,
        section: 'socle',
        placeholder: true,
        amounts: { A: 0, B: 0, C: 0, valorisation: 0, D: 0, E: 0, F: 0 },
        block: 0,
        measure: 0,
        keys: { fiche: '', title: labelKey("intitulé de l'action n°2"), theme: labelKey('Premier accueil social inconditionnel de proximité') },
      },
      {
        id: 2,
        row: row(3),
        fiche: '9',
        title: 'Projet du département',
        theme: 'Initiative départementale',
        // No code typed: the one the fill plan would write with certainty (the template's initiative code).
        code: '0304 50 19 19 10',
        section: 'initiative',
        placeholder: false,
        // « n/a » in C cannot be read: null, never 0.
        amounts: amounts(10000, null, 0, 10000),
        block: 1,
        measure: 1,
        keys: { fiche: '9', title: labelKey('Projet du département'), theme: labelKey('Initiative départementale') },
      },
    ]);
    expect(t.measures.map((m) => [m.id, m.theme, m.code, m.section, m.actions, m.firstRow, m.subtotalRow, m.printed?.F ?? null])).toEqual([
      [0, 'Premier accueil social inconditionnel de proximité', ACCUEIL, 'socle', [0, 1], row(0), row(1), 600000],
      // No subtotal closes the initiative's rows: a measure of its block, nothing printed.
      [1, 'Initiative départementale', '0304 50 19 19 10', 'initiative', [2], row(3), null, null],
    ]);
    expect(t.totals.map((x) => [x.level, x.row, x.label, x.printed.F])).toEqual([
      ['socle', row(2), 'Sous-total engagements des mesures socle', 600000],
      ['initiative', row(4), "Sous total engagements à l'initiative du département", 10000],
      ['grand', row(5), 'TOTAUX FINANCIERS', 610000],
    ]);
    expect(t.codeNames[ACCUEIL]).toBe('1er accueil social inconditionnel');
    expect(t.labels.filter((l) => l.where !== 'header').map((l) => [l.where, l.text])).toEqual([
      ['sheet', 'Annexe 9'],
      ['title', 'ANNEXE 9- TABLEAU FINANCIER RECAPITULATIF PREVISIONNEL'],
      ['title', 'Prévisionnel Année 2023'],
    ]);
    expect(t.source).toEqual({ file: 'a.xlsx', sheet: 'Annexe 9', headerCell: t.source.headerCell, firstRow: row(0), lastRow: t.source.lastRow });
  });
});
