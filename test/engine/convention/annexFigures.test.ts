/**
 * What the comparison reads of an analysed annex, on small annexes typed by hand and laid out as
 * sheets: each action row (cells A and F, its code, whether it has money), column A per Chorus
 * code (the code a row is written with, else the one the fill plan writes, else for a template
 * row its block's), and total A (the printed TOTAUX FINANCIERS cell, else the action rows added
 * up; several tables add up). Data is built inside each test (Stryker counts only what runs in a test).
 */
import { AnnexSpec, layoutAnnex } from '../../../fixtures/annex-layout';
import { analyzeSheet } from '../../../src/domain';
import { annexFiguresFromReport } from '../../../src/domain/convention';
import { SheetGrid } from '../../../src/domain/grid';

const C03 = '0304 50 19 19 03';
const C07 = '0304 50 19 19 07';

/** Two blocks (07 then 03), a template row, a row with zeros only, sub-totals and a printed grand total. */
const twoBlocks = (): AnnexSpec => ({
  sheetName: 'Annexe 9',
  titleRows: ['ANNEXE 9'],
  year: 2023,
  body: [
    {
      kind: 'block',
      theme: 'Insertion',
      imputation: `${C07} - Insertion`,
      actions: [
        { fiche: '1', title: 'Accompagnement des jeunes', amounts: { A: '100.00', C: '100.00', F: '200.00' } },
        { fiche: null, title: 'Mobilité', amounts: { A: '50.00', C: '50.00', F: '100.00' } },
        { fiche: null, title: 'intitulé de l’action n°3', amounts: {} },
      ],
    },
    { kind: 'subtotal', label: 'Sous total', amounts: { A: '150.00', C: '150.00', F: '300.00' } },
    {
      kind: 'block',
      theme: 'Premier accueil social inconditionnel de proximité',
      imputation: `${C03} - 1er accueil`,
      actions: [
        { fiche: '2', title: 'Accueil', amounts: { A: '10.00', B: '0', C: '10.00', F: '20.00' } },
        { fiche: null, title: 'Zéro', amounts: { A: '0', C: '0', F: '0' } },
      ],
    },
    { kind: 'subtotal', label: 'Sous total', amounts: { A: '10.00', C: '10.00', F: '20.00' } },
    { kind: 'grandTotal', label: 'TOTAUX FINANCIERS', amounts: { A: '160.00', C: '160.00', F: '320.00' } },
  ],
});

/** One action, a sub-total and a printed grand total. */
const printedTotal = (): AnnexSpec => ({
  sheetName: 'Annexe 9',
  titleRows: ['ANNEXE 9'],
  year: 2023,
  body: [
    { kind: 'block', theme: 'Insertion', imputation: `${C07} - Insertion`, actions: [{ fiche: '1', title: 'Accompagnement des jeunes', amounts: { A: '100.00', C: '100.00', F: '200.00' } }] },
    { kind: 'subtotal', label: 'Sous total', amounts: { A: '100.00', C: '100.00', F: '200.00' } },
    { kind: 'grandTotal', label: 'TOTAUX FINANCIERS', amounts: { A: '100.00', C: '100.00', F: '200.00' } },
  ],
});

/** No grand total; with `unreadable`, a first row whose A is words (« à définir ») and nothing else. */
const noGrandTotal = (unreadable: boolean): AnnexSpec => ({
  sheetName: 'Annexe 9',
  titleRows: ['ANNEXE 9 bis'],
  year: 2023,
  body: [
    {
      kind: 'block',
      theme: 'Insertion',
      imputation: `${C07} - Insertion`,
      actions: [
        ...(unreadable ? [{ fiche: '3', title: 'Logement', amounts: { A: { text: 'à définir' } } }] : []),
        { fiche: '4', title: 'Mobilité', amounts: { A: '30.00', C: '30.00', F: '60.00' } },
      ],
    },
    { kind: 'subtotal', label: 'Sous total', amounts: { A: '30.00', C: '30.00', F: '60.00' } },
  ],
});

/** A second table under the first, in the same sheet (its layout starts at sheet row 13). */
function twoTables(first: AnnexSpec, second: AnnexSpec): SheetGrid {
  const a = layoutAnnex(first).grid;
  const b = layoutAnnex(second, { origin: { row: 12, col: 1 } }).grid;
  const rows = b.rows.slice();
  a.rows.forEach((r, i) => (rows[i] = r));
  return { ...a, rows, merges: [...a.merges, ...b.merges] };
}

describe('the annex’s figures for the comparison', () => {
  it('rows, codes and the printed total A, on a sheet whose grid starts at C4', () => {
    // The code is written on each block's first row only: « Mobilité » gets 07 from the fill plan,
    // the template row its block's; « Zéro » has no money, so no fill and no code.
    const grid = { ...layoutAnnex(twoBlocks(), { themeCells: 'firstRow' }).grid, origin: { row: 3, col: 2 } };
    const figures = annexFiguresFromReport(analyzeSheet(grid));
    expect(figures).toEqual({
      sheet: 'Annexe 9',
      totalA: { cents: 16000, cell: 'H15', printed: true, unreadable: false },
      codes: [
        { code: C03, cents: 1000, cells: ['H12'], unreadable: false },
        { code: C07, cents: 15000, cells: ['H8', 'H9', 'H10'], unreadable: false },
      ],
      rows: [
        { row: 8, title: 'Accompagnement des jeunes', fiche: '1', code: C07, A: { cents: 10000, cell: 'H8' }, F: { cents: 20000, cell: 'N8' }, hasMoney: true },
        { row: 9, title: 'Mobilité', fiche: null, code: C07, A: { cents: 5000, cell: 'H9' }, F: { cents: 10000, cell: 'N9' }, hasMoney: true },
        { row: 12, title: 'Accueil', fiche: '2', code: C03, A: { cents: 1000, cell: 'H12' }, F: { cents: 2000, cell: 'N12' }, hasMoney: true },
        { row: 13, title: 'Zéro', fiche: null, code: null, A: { cents: 0, cell: 'H13' }, F: { cents: 0, cell: 'N13' }, hasMoney: false },
      ],
    });
  });

  it('no grand total: the action rows added up, not the sub-total; a cell in words makes the sum and its code unreadable', () => {
    const figures = annexFiguresFromReport(analyzeSheet(layoutAnnex(noGrandTotal(true)).grid));
    expect(figures).toEqual({
      sheet: 'Annexe 9',
      totalA: { cents: 3000, cell: null, printed: false, unreadable: true },
      codes: [{ code: C07, cents: 3000, cells: ['F5', 'F6'], unreadable: true }],
      rows: [
        { row: 5, title: 'Logement', fiche: '3', code: C07, A: { cents: null, cell: 'F5' }, F: { cents: 0, cell: 'L5' }, hasMoney: false },
        { row: 6, title: 'Mobilité', fiche: '4', code: C07, A: { cents: 3000, cell: 'F6' }, F: { cents: 6000, cell: 'L6' }, hasMoney: true },
      ],
    });
  });

  it('no grand total, every cell read: the sum is readable', () => {
    expect(annexFiguresFromReport(analyzeSheet(layoutAnnex(noGrandTotal(false)).grid)).totalA).toEqual({ cents: 3000, cell: null, printed: false, unreadable: false });
  });

  it('two tables, both totals printed: added up, printed, pointing at no cell', () => {
    const figures = annexFiguresFromReport(analyzeSheet(twoTables(printedTotal(), printedTotal())));
    expect(figures.totalA).toEqual({ cents: 20000, cell: null, printed: true, unreadable: false });
    expect(figures.codes).toEqual([{ code: C07, cents: 20000, cells: ['F5', 'F17'], unreadable: false }]);
    expect(figures.rows.map((r) => [r.row, r.A])).toEqual([
      [5, { cents: 10000, cell: 'F5' }],
      [17, { cents: 10000, cell: 'F17' }],
    ]);
  });

  it('two tables, the second without a grand total: not printed; unreadable when one is', () => {
    expect(annexFiguresFromReport(analyzeSheet(twoTables(printedTotal(), noGrandTotal(false)))).totalA).toEqual({ cents: 13000, cell: null, printed: false, unreadable: false });
    const figures = annexFiguresFromReport(analyzeSheet(twoTables(printedTotal(), noGrandTotal(true))));
    expect(figures.totalA).toEqual({ cents: 13000, cell: null, printed: false, unreadable: true });
    expect(figures.codes).toEqual([{ code: C07, cents: 13000, cells: ['F5', 'F17', 'F18'], unreadable: true }]);
  });

  it('a sheet that is not an annex: no figures', () => {
    const grid: SheetGrid = { name: 'Notes', origin: { row: 0, col: 0 }, rows: [[{ value: 'Bonjour' }]], merges: [] };
    expect(annexFiguresFromReport(analyzeSheet(grid))).toEqual({ sheet: 'Notes', totalA: null, codes: [], rows: [] });
  });
});
