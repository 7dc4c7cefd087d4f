/**
 * Our own summary sheet repeats the annex's column labels: the engine recognises it by its marker
 * (token in Z1, source sheet in Z2), wherever the grid starts, and says what to do. By hand.
 */
import { Cell, SheetGrid, analyzeSheet, isSummaryGrid, problemText, summaryMarkerStatus } from '../../src/domain';
import { reference, sheet } from '../support/hand-table';

/** The hand-typed annex with the marker written in Z1:Z2, the grid starting at `origin`. */
function marked(origin: { row: number; col: number }, token = 'annexe9-synthese/v1'): SheetGrid {
  const grid = sheet(reference(), 'Synthèse annexe 9');
  const rows = grid.rows.map((r) => [...(r ?? [])]) as Array<Array<Cell | undefined>>;
  rows[0][25] = { value: token };
  rows[1][25] = { value: 'Annexe 9' };
  // Shift: the grid's [0][0] is sheet cell (origin.row, origin.col); the marker stays in Z1:Z2.
  const shifted = rows.map((r) => r.slice(origin.col));
  return { ...grid, origin, rows: origin.row ? shifted.slice(origin.row) : shifted, merges: [] };
}

describe('our summary sheet is not taken for an annex', () => {
  it('recognised by its marker, with a French and an English message', () => {
    const report = analyzeSheet(marked({ row: 0, col: 0 }));
    expect(report.isAnnex).toBe(false);
    expect(report.findings).toEqual([]);
    expect(problemText(report.problem!, 'fr')).toBe(
      "La feuille «\u00a0Synthèse annexe 9\u00a0» est une synthèse produite par le contrôle de l’annexe 9, pas une annexe\u00a0: contrôlez la feuille du tableau financier.",
    );
    expect(problemText(analyzeSheet(marked({ row: 0, col: 0 })).problem!, 'en')).toBe(
      'Sheet "Synthèse annexe 9" is a summary made by the annex 9 check, not an annex: check the financial table sheet instead.',
    );
  });

  it('wherever the grid starts (an Office used range starting at B1)', () => {
    expect(analyzeSheet(marked({ row: 0, col: 1 })).isAnnex).toBe(false);
  });

  it('without the token it is an annex like any other', () => {
    const report = analyzeSheet(marked({ row: 0, col: 0 }, 'synthèse'));
    expect(report.isAnnex).toBe(true);
    expect(report.problem).toBeUndefined();
  });

  it('tells ours, ours for another sheet, and a user sheet apart', () => {
    expect(summaryMarkerStatus('annexe9-synthese/v1', 'Annexe 9', 'Annexe 9')).toBe('ours');
    expect(summaryMarkerStatus('annexe9-synthese/v1', 'Annexe 9 bis', 'Annexe 9')).toBe('oursForAnotherSheet');
    expect(summaryMarkerStatus('annexe9-synthese/v1', 9, '9')).toBe('oursForAnotherSheet');
    expect(summaryMarkerStatus('annexe9-synthese/v2', 'Annexe 9', 'Annexe 9')).toBe('notOurs');
    expect(summaryMarkerStatus(null, null, 'Annexe 9')).toBe('notOurs');
    expect(summaryMarkerStatus('annexe9-synthese/v1', undefined, 'Annexe 9')).toBe('oursForAnotherSheet');
    expect(summaryMarkerStatus('annexe9-synthese/v1 ', 'Annexe 9', 'Annexe 9')).toBe('notOurs');
  });

  it('the token is looked for in sheet cell Z1 only, wherever the grid starts', () => {
    /** A grid starting at sheet cell (origin), holding `value` at sheet cell (row, col). */
    const grid = (origin: { row: number; col: number }, row: number, col: number, value: string): SheetGrid => {
      const rows: Array<Array<Cell | undefined>> = [[], [], [], []];
      rows[row - origin.row][col - origin.col] = { value };
      return { name: 'Synthèse', origin, rows, merges: [] };
    };
    const token = 'annexe9-synthese/v1';
    expect(isSummaryGrid(grid({ row: 0, col: 0 }, 0, 25, token))).toBe(true);
    expect(isSummaryGrid(grid({ row: 0, col: 2 }, 0, 25, token))).toBe(true);
    expect(isSummaryGrid(grid({ row: 0, col: 0 }, 1, 25, token))).toBe(false);
    expect(isSummaryGrid(grid({ row: 0, col: 0 }, 0, 24, token))).toBe(false);
    // A used range starting at row 2: Z1 is empty, whatever Z3 holds.
    expect(isSummaryGrid(grid({ row: 1, col: 0 }, 2, 25, token))).toBe(false);
    expect(isSummaryGrid(grid({ row: 0, col: 0 }, 0, 25, 'Annexe9-synthese/v1'))).toBe(false);
  });
});
