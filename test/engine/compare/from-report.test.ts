/**
 * The adapter from the engine's report to a comparable table, on a small annex laid out by the
 * fixtures (sheet rows taken from the layout, everything else typed by hand).
 */
import { analyzeSheet } from '../../../src/domain/analyze';
import { comparableFromReport, ficheKey, labelKey } from '../../../src/domain/compare/fromReport';
import calpae from '../../../src/domain/templates/calpae-annexe9.json';
import { TemplateDescription, compileTemplate } from '../../../src/domain/template';
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
        actions: [{ fiche: '9', title: 'Projet du département', amounts: { A: '100.00', C: { text: 'n/a' }, valorisation: '0.00', F: '100.00', ...z } }],
      },
      { kind: 'initiativeSubtotal', label: "Sous total engagements à l'initiative du département", amounts: { A: '100.00', C: '0.00', valorisation: '0.00', F: '100.00', ...z } },
      { kind: 'grandTotal', label: 'TOTAUX FINANCIERS', amounts: { A: '3100.00', C: '3000.00', valorisation: '3000.00', F: '6100.00', ...z } },
    ],
  };
}

describe('a comparable table from the engine’s report', () => {
  it('keys: fiche numbers written any way, labels normalised', () => {
    expect([ficheKey('Fiche 5.1'), ficheKey('n° 5,1'), ficheKey('5 . 1'), ficheKey('12'), ficheKey('Bis'), ficheKey(null), ficheKey('')]).toEqual(['5.1', '5.1', '5.1', '12', 'bis', '', '']);
    // Every level of a number, and every digit of each level.
    expect([ficheKey('Fiche 5.1.2'), ficheKey('n° 3, 2 ,4'), ficheKey('Fiche 5.12'), ficheKey('10.25')]).toEqual(['5.1.2', '3.2.4', '5.12', '10.25']);
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

  it('a sheet read from its fifth row (Excel’s used range): sheet rows, the code the fill would write, findings on their lines', () => {
    const laid = layoutAnnex(smallSpec());
    // Grid row 0 is sheet row 5: the action rows 5, 6 and 9 of the grid are sheet rows 10, 11 and 14.
    const grid = { ...laid.grid, origin: { row: 4, col: 0 } };
    const report = analyzeSheet(grid);
    const t = comparableFromReport(grid, report, report.tables[0]);
    expect(t.actions.map((a) => [a.row, a.code])).toEqual([
      [10, ACCUEIL],
      [11, ACCUEIL],
      [14, '0304 50 19 19 10'],
    ]);
    expect(t.findings.map(({ rule, row, cell, target }) => ({ rule, row, cell, target }))).toEqual([
      { rule: 'MISSING_IMPUTATION', row: 14, cell: 'C14', target: { kind: 'action', action: 2 } },
      { rule: 'UNREADABLE_AMOUNT', row: 14, cell: 'H14', target: { kind: 'action', action: 2 } },
    ]);
  });

  it('every kind of line: a fiche with no title, words to complete, a template row, a second subtotal, the grand total and the control row', () => {
    const z = { B: '0.00', valorisation: '0.00', D: '0.00', E: '0.00' };
    const spec: AnnexSpec = {
      sheetName: 'Annexe 9',
      titleRows: ['Prévisionnel 2023'],
      year: 2023,
      body: [
        {
          kind: 'block',
          theme: 'Premier accueil social inconditionnel de proximité',
          imputation: '0304 50 19 19 42 - Accueil local',
          actions: [
            { fiche: 'Fiche 2.1', title: '', amounts: { A: '10.00', C: '10.00', F: '20.00', ...z } },
            { fiche: null, title: 'Deux', amounts: { A: '5.00', C: '6.00', F: '11.00', ...z }, imputation: 'à compléter' },
            { fiche: null, title: "intitulé de l'action n°2", amounts: {} },
          ],
        },
        { kind: 'subtotal', label: 'Sous total', amounts: { A: '15.00', C: '16.00', F: '31.00', ...z } },
        { kind: 'subtotal', label: 'Sous total', amounts: { A: '15.00', C: '16.00', F: '31.00', ...z } },
        { kind: 'socleSubtotal', label: 'Sous-total engagements des mesures socle', amounts: { A: '15.00', C: '16.00', F: '31.00', ...z } },
        { kind: 'grandTotal', label: 'TOTAUX FINANCIERS', amounts: { A: '15.00', C: '16.00', F: '99.00', ...z } },
        { kind: 'control', label: 'Total de contrôle', amounts: { A: '1.00', C: '16.00', F: '31.00', ...z } },
      ],
    };
    const laid = layoutAnnex(spec);
    const report = analyzeSheet(laid.grid);
    const t = comparableFromReport(laid.grid, report, report.tables[0]);
    const row = (entry: number, i = 0) => laid.rowOf[entry][i] + 1;
    expect(t.actions.map((a) => [a.row, a.title, a.code, a.placeholder, a.keys.fiche, a.keys.title])).toEqual([
      // A fiche number alone is shown as the row's label: no title to match on.
      [row(0), 'Fiche 2.1', '0304 50 19 19 42', false, '2.1', ''],
      // Words in the code cell are never overwritten: no code, not even the block's.
      [row(0, 1), 'Deux', null, false, '', 'deux'],
      // A template row with no code of its own shows its block's.
      [row(0, 2), "intitulé de l'action n°2", '0304 50 19 19 42', true, '', 'intitule de l action n 2'],
    ]);
    // The second subtotal closes nothing: one measure.
    expect(t.measures.map((m) => [m.actions, m.subtotalRow])).toEqual([[[0, 1, 2], row(1)]]);
    // The control row is no total of the comparison.
    expect(t.totals.map((x) => [x.level, x.row])).toEqual([
      ['socle', row(3)],
      ['grand', row(4)],
    ]);
    expect(t.findings.map((f) => [f.rule, f.column, f.row, f.target])).toEqual([
      // « à compléter » is no code: said, with no code to fill.
      ['MISSING_IMPUTATION', 'imputation', row(0, 1), { kind: 'action', action: 1 }],
      ['A_NEQ_C', 'C', row(0, 1), { kind: 'action', action: 1 }],
      ['SUBTOTAL', 'A', row(2), { kind: 'row', label: 'sous total' }],
      ['SUBTOTAL', 'C', row(2), { kind: 'row', label: 'sous total' }],
      ['SUBTOTAL', 'F', row(2), { kind: 'row', label: 'sous total' }],
      ['SECTION_TOTAL', 'A', row(3), { kind: 'total', level: 'socle' }],
      ['SECTION_TOTAL', 'C', row(3), { kind: 'total', level: 'socle' }],
      ['SECTION_TOTAL', 'F', row(3), { kind: 'total', level: 'socle' }],
      ['GRAND_TOTAL', 'F', row(4), { kind: 'total', level: 'grand' }],
      ['ROW_TOTAL', 'F', row(5), { kind: 'total', level: 'control' }],
    ]);
  });

  it('a theme written on a line of its own does not cut a measure: one subtotal under two themes closes both', () => {
    const z = { B: '0.00', valorisation: '0.00', D: '0.00', E: '0.00' };
    const spec: AnnexSpec = {
      sheetName: 'Annexe 9',
      titleRows: [],
      year: 2023,
      body: [
        { kind: 'block', theme: 'Premier accueil social inconditionnel de proximité', imputation: ACCUEIL, actions: [{ title: 'Un', amounts: { A: '1.00', C: '1.00', F: '2.00', ...z } }] },
        {
          kind: 'block',
          theme: 'Insertion',
          imputation: '0304 50 19 19 07',
          actions: [
            { title: '', amounts: {} },
            { title: 'Deux', amounts: { A: '2.00', C: '2.00', F: '4.00', ...z } },
          ],
        },
        { kind: 'subtotal', label: 'Sous total', amounts: { A: '3.00', C: '3.00', F: '6.00', ...z } },
      ],
    };
    const laid = layoutAnnex(spec);
    const report = analyzeSheet(laid.grid);
    const t = comparableFromReport(laid.grid, report, report.tables[0]);
    expect(t.actions.map((a) => [a.title, a.block])).toEqual([
      ['Un', 0],
      ['Deux', 1],
    ]);
    expect(t.measures.map((m) => [m.blocks, m.actions, m.subtotalRow])).toEqual([[[0, 1], [0, 1], laid.rowOf[2][0] + 1]]);
  });

  it('a table with no column of valorisation nor D compares only the columns it has', () => {
    const spec = smallSpec();
    const laid = layoutAnnex(spec, { columns: ['theme', 'imputation', 'fiche', 'title', 'A', 'B', 'C', 'E', 'F'] });
    const report = analyzeSheet(laid.grid);
    const t = comparableFromReport(laid.grid, report, report.tables[0]);
    expect(t.columns).toEqual(['A', 'B', 'C', 'E', 'F']);
    expect(t.actions[0].amounts).toEqual({ A: 300000, B: 0, C: 300000, E: 0, F: 600000 });
  });

  it('titles: only the twelve rows above the header, white space tidied, blank cells and long notes left out', () => {
    const spec: AnnexSpec = {
      ...smallSpec(),
      // Title rows 1 to 5, eight empty rows, the header on row 14: row 1 is thirteen rows above it.
      titleRows: ['Note très au-dessus du tableau', '  Exécution \n 2023 ', '   ', 'x'.repeat(300), 'y'.repeat(301)],
    };
    const laid = layoutAnnex(spec, { gapAfterTitle: 8 });
    const report = analyzeSheet(laid.grid);
    const t = comparableFromReport(laid.grid, report, report.tables[0]);
    expect(t.labels.filter((l) => l.where === 'title').map((l) => [l.text, l.key])).toEqual([
      ['Exécution 2023', 'execution yyyy'],
      ['x'.repeat(300), 'x'.repeat(300)],
    ]);
  });

  it('code names: the words after « - », the template’s first, white space tidied; none for a code shown alone', () => {
    const d = JSON.parse(JSON.stringify(calpae)) as TemplateDescription;
    const label = (code: string, text: string) => {
      const c = d.chorus.codes.find((x) => x.code === code);
      if (!c) throw new Error(code);
      c.label = text;
    };
    label('0304 50 19 19 03', '0304 50 19 19 03 -  1er accueil\n social ');
    label('0304 50 19 19 04', '0304 50 19 19 04');
    label('0304 50 19 19 05', '0304 50 19 19 05 - ');
    label('0304 50 19 19 06', ' - Prévention spécialisée');
    const template = compileTemplate(d);
    const z = { B: '0.00', valorisation: '0.00', D: '0.00', E: '0.00' };
    const spec: AnnexSpec = {
      sheetName: 'Annexe 9',
      titleRows: [],
      year: 2023,
      body: [
        {
          kind: 'block',
          theme: 'Premier accueil social inconditionnel de proximité',
          imputation: null,
          actions: [
            { title: 'Un', amounts: { A: '1.00', C: '1.00', F: '2.00', ...z }, imputation: '0304 50 19 19 03 - Accueil du département' },
            { title: 'Deux', amounts: { A: '1.00', C: '1.00', F: '2.00', ...z }, imputation: '0304 50 19 19 04 - Référents du département' },
            { title: 'Trois', amounts: { A: '1.00', C: '1.00', F: '2.00', ...z }, imputation: '0304 50 19 19 42' },
          ],
        },
      ],
    };
    const laid = layoutAnnex(spec);
    const report = analyzeSheet(laid.grid, { template });
    const t = comparableFromReport(laid.grid, report, report.tables[0], { template });
    expect(t.codeNames).toEqual({
      '0304 50 19 19 02': 'Formation travail social CD contract',
      '0304 50 19 19 03': '1er accueil social',
      '0304 50 19 19 04': 'Référents du département',
      '0304 50 19 19 06': 'Prévention spécialisée',
      '0304 50 19 19 07': "Garantie d'activité et insertion des BRSA",
      '0304 50 19 19 10': 'Initiatives locales',
    });
  });
});
