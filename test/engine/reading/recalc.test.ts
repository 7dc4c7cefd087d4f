/**
 * The sheet as Excel shows it once recalculated (src/domain/recalc.ts), by hand: which formula
 * cells are stale, which had no stored value, what the grid then holds, and what is left alone.
 */
import { Cell, SheetGrid } from '../../../src/domain/grid';
import { recalculate } from '../../../src/domain/recalc';

type Raw = string | number | null | Cell;

function grid(raw: Array<Raw[] | undefined>): SheetGrid {
  return { name: 'Annexe', origin: { row: 0, col: 0 }, rows: raw.map((r) => r?.map((v) => (v === null ? undefined : typeof v === 'object' ? v : { value: v }))), merges: [] };
}

describe('recalculate', () => {
  it('stale results and missing ones, in the area only; the grid shows what the formulas give', () => {
    // Row 1 is above the area, row 3 is missing, column E is not an amount column.
    const g = grid([
      [1, 2, { value: 99, formula: '=A1+B1' }],
      [1, 2, { value: 4, formula: '=A2+B2', numFmt: '#,##0.00' }, { value: 1, formula: '=A2' }, { value: 5, formula: '=A2' }],
      undefined,
      [3, 4, { value: 7, formula: '=A4+B4' }, null],
      [5, 6, { value: null, formula: '=SUM(A5:B5)' }, { value: 1, formula: '=SUM(A5:B5)' }],
      [5, 6, { formula: '=A6+B6' } as Cell, { value: '', formula: '=A6' }],
      [5, 6, { value: 'texte', formula: '=A7+B7' }, { value: 0, formula: '=ROUND(A7,0)' }],
    ]);
    const r = recalculate(g, [{ rows: { start: 1, end: 7 }, cols: [2, 3], decimals: 2 }]);
    expect(r.stale).toEqual([
      { gridRow: 1, gridCol: 2, stored: 400, computed: 300, formula: '=A2+B2' },
      { gridRow: 4, gridCol: 3, stored: 100, computed: 1100, formula: '=SUM(A5:B5)' },
      { gridRow: 6, gridCol: 2, stored: null, computed: 1100, formula: '=A7+B7' },
    ]);
    expect(r.computed).toEqual([
      { gridRow: 4, gridCol: 2, stored: null, computed: 1100, formula: '=SUM(A5:B5)' },
      { gridRow: 5, gridCol: 2, stored: null, computed: 1100, formula: '=A6+B6' },
      { gridRow: 5, gridCol: 3, stored: null, computed: 500, formula: '=A6' },
    ]);
    expect(r.grid.rows).toEqual([
      [{ value: 1 }, { value: 2 }, { value: 99, formula: '=A1+B1' }],
      [{ value: 1 }, { value: 2 }, { value: 3, formula: '=A2+B2', numFmt: '#,##0.00' }, { value: 1, formula: '=A2' }, { value: 5, formula: '=A2' }],
      undefined,
      [{ value: 3 }, { value: 4 }, { value: 7, formula: '=A4+B4' }, undefined],
      [{ value: 5 }, { value: 6 }, { value: 11, formula: '=SUM(A5:B5)' }, { value: 11, formula: '=SUM(A5:B5)' }],
      [{ value: 5 }, { value: 6 }, { value: 11, formula: '=A6+B6' }, { value: 5, formula: '=A6' }],
      [{ value: 5 }, { value: 6 }, { value: 11, formula: '=A7+B7' }, { value: 0, formula: '=ROUND(A7,0)' }],
    ]);
    expect(r.grid.name).toBe('Annexe');
    // Rows that do not change are shared; the sheet read is left as it was.
    expect(r.grid.rows[0]).toBe(g.rows[0]);
    expect(r.grid.rows[3]).toBe(g.rows[3]);
    expect(g.rows[1]![2]).toEqual({ value: 4, formula: '=A2+B2', numFmt: '#,##0.00' });
    expect(g.rows[4]![2]).toEqual({ value: null, formula: '=SUM(A5:B5)' });
  });

  it('nothing stale: the same grid', () => {
    const g = grid([[1, 2, { value: 3, formula: '=A1+B1' }, { value: 3.001, formula: '=SUM(A1:B1)' }]]);
    const r = recalculate(g, [{ rows: { start: 0, end: 1 }, cols: [2, 3], decimals: 2 }]);
    expect(r).toEqual({ grid: g, stale: [], computed: [] });
    expect(r.grid).toBe(g);
  });

  it('each area compared in its own minor unit (euros, thousands of euros)', () => {
    // 1,001 + 2 = 3,001: 3 in cents of a euro, not in k€ (5 decimals); row 2 is read in euros, row 3 in k€.
    const g = grid([
      [1.001, 2],
      [1.001, 2, { value: 3, formula: '=A2+B2' }],
      [1.001, 2, { value: 3, formula: '=A3+B3' }],
    ]);
    const r = recalculate(g, [
      { rows: { start: 1, end: 2 }, cols: [2], decimals: 2 },
      { rows: { start: 2, end: 3 }, cols: [2], decimals: 5 },
    ]);
    expect(r.stale).toEqual([{ gridRow: 2, gridCol: 2, stored: 300000, computed: 300100, formula: '=A3+B3' }]);
    expect(r.grid.rows[2]![2]).toEqual({ value: 3.001, formula: '=A3+B3' });
    expect(r.grid.rows[1]).toBe(g.rows[1]);
  });

  it('two areas in the same unit share what was computed', () => {
    const g = grid([
      [1, 2, { value: 0, formula: '=A1+B1' }],
      [{ value: 0, formula: '=C1+C1' }, 4, { value: 0, formula: '=A2+B2' }],
    ]);
    const r = recalculate(g, [
      { rows: { start: 0, end: 1 }, cols: [2], decimals: 2 },
      { rows: { start: 1, end: 2 }, cols: [0, 2], decimals: 2 },
    ]);
    expect(r.stale.map((s) => [s.gridRow, s.gridCol, s.stored, s.computed])).toEqual([
      [0, 2, 0, 300],
      [1, 0, 0, 600],
      [1, 2, 0, 1000],
    ]);
  });
});
